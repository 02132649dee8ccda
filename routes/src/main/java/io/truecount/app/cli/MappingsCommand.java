package io.truecount.app.cli;

import io.truecount.app.config.TruecountConfig;
import io.truecount.app.db.Database;
import io.truecount.app.mapping.CrossReferences;
import io.truecount.app.mapping.MappingReport;
import io.truecount.app.sync.ObservationRepository;
import io.truecount.connector.ConnectorSettings;
import io.truecount.core.observation.ExternalOrganization;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code truecount mappings}: every external organization of every source, from its last successful sync, with the
 * customer it maps to or the customers it most likely is. It reads what is stored and never syncs or changes anything.
 */
@Command(
        name = "mappings",
        mixinStandardHelpOptions = true,
        description = "List each source's organizations with their customer, and suggest customers for unmapped ones"
                + " (never applied: add them to sources: in the YAML).",
        footer = "%nExit codes: 0 listed; 2 invalid configuration.")
class MappingsCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<TruecountConfig> config = common.loadConfig(spec.commandLine().getErr());
        if (config.isEmpty()) {
            return ExitCodes.INVALID_CONFIG;
        }
        try (Database database = common.openDatabase();
                ConfigurableApplicationContext context =
                        ApplicationLauncher.start(config.get(), database, common, false, null, Map.of())) {
            ObservationRepository observations = context.getBean(ObservationRepository.class);
            Map<String, List<ExternalOrganization>> organizations = new LinkedHashMap<>();
            CrossReferences references = new CrossReferences();
            for (ConnectorSettings source : config.get().sources()) {
                Optional<Long> run = observations.latestSucceededRun(source.id());
                if (run.isPresent()) {
                    List<ExternalOrganization> orgs = observations.organizations(run.get(), source.id());
                    organizations.put(source.id(), orgs);
                    references.add(
                            source.id(), source.type(), orgs, config.get().customers());
                }
            }
            for (ConnectorSettings source : config.get().sources()) {
                print(out, source, observations, config.get(), organizations.get(source.id()), references);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static void print(
            PrintWriter out,
            ConnectorSettings source,
            ObservationRepository observations,
            TruecountConfig config,
            List<ExternalOrganization> orgs,
            CrossReferences references) {
        Optional<Long> run = observations.latestSucceededRun(source.id());
        if (run.isEmpty() || orgs == null) {
            out.printf(
                    "%s (%s): never synced successfully; run `truecount cycle` first%n%n", source.id(), source.type());
            return;
        }
        List<MappingReport.Row> rows =
                MappingReport.of(source.id(), source.type(), orgs, config.customers(), references);
        long unmapped = rows.stream().filter(r -> r.customerId() == null).count();
        out.printf(
                "%s (%s): %d organizations, %d mapped, %d not mapped (sync run %d)%n",
                source.id(), source.type(), rows.size(), rows.size() - unmapped, unmapped, run.get());
        for (MappingReport.Row row : rows) {
            out.printf(
                    "  %-24s %-36s %s%n",
                    row.organization().externalId(),
                    row.organization().name(),
                    row.customerId() != null ? "-> " + row.customerId() : "not mapped");
            for (MappingReport.Suggestion s : row.suggestions()) {
                out.printf("  %-24s %-36s    maybe %s \"%s\": %s%n", "", "", s.customerId(), s.customerName(), s.why());
            }
        }
        Set<String> dangling = MappingReport.dangling(source.id(), orgs, config.customers());
        for (String mapping : dangling) {
            out.printf("  ! %s: %s did not report this organization (typo, or deleted there)%n", mapping, source.id());
        }
        out.println();
    }
}
