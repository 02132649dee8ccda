package io.truecount.app.cli;

import io.truecount.app.config.TruecountConfig;
import io.truecount.app.db.Database;
import io.truecount.app.sync.ObservationRepository;
import io.truecount.app.sync.SourceSyncs;
import io.truecount.app.sync.SyncResult;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.SyncStats;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code truecount sync}: syncs source connectors once and stores what they read, without billing; what a schedule
 * does between cycles, on demand. Prints one line per connector with its counters.
 */
@Command(
        name = "sync",
        mixinStandardHelpOptions = true,
        description = "Sync source connectors once (all, or those named) and store what they read; bills nothing.",
        footer = "%nExit codes: 0 every sync succeeded (organizations may still have failed, listed below the table);"
                + " 3 at least one sync failed; 2 invalid configuration or an unknown --connector.")
class SyncCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--connector",
            paramLabel = "ID",
            description = "A source connector to sync (repeatable); default: every source.")
    List<String> connectors = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<TruecountConfig> loaded = common.loadConfig(err);
        if (loaded.isEmpty()) {
            return ExitCodes.INVALID_CONFIG;
        }
        TruecountConfig config = loaded.get();
        List<String> sources =
                config.sources().stream().map(ConnectorSettings::id).toList();
        for (String id : connectors) {
            if (!sources.contains(id)) {
                err.println("--connector: '" + id + "' is not a source connector of this configuration (sources: "
                        + (sources.isEmpty() ? "none" : String.join(", ", sources)) + ")");
                return ExitCodes.INVALID_CONFIG;
            }
        }
        try (Database database = common.openDatabase();
                ConfigurableApplicationContext context =
                        ApplicationLauncher.start(config, database, common, false, new StderrProgress(err), Map.of())) {
            SourceSyncs syncs = context.getBean(SourceSyncs.class);
            List<SyncResult> results = connectors.isEmpty() ? syncs.all() : syncs.of(connectors);
            print(out, results, context.getBean(ObservationRepository.class));
            return results.stream().allMatch(SyncResult::succeeded) ? ExitCodes.OK : ExitCodes.SOURCE_FAILED;
        }
    }

    private static void print(PrintWriter out, List<SyncResult> results, ObservationRepository observations) {
        out.printf(
                "%-20s %-9s %10s %8s %9s %8s %10s %8s%n",
                "connector", "status", "records", "pages", "requests", "retries", "throttled", "time");
        for (SyncResult r : results) {
            SyncStats s = r.stats();
            out.printf(
                    "%-20s %-9s %10d %8d %9d %8d %10d %8s%n",
                    r.connectorId(),
                    r.succeeded() ? "ok" : "FAILED",
                    s.records(),
                    s.pages(),
                    s.requests(),
                    s.retries(),
                    s.throttles(),
                    StderrProgress.seconds(r.elapsed()));
        }
        for (SyncResult r : results) {
            if (!r.succeeded()) {
                out.println(r.connectorId() + ": " + r.error());
                continue;
            }
            observations
                    .organizationErrors(r.runId())
                    .forEach((org, error) ->
                            out.println(r.connectorId() + ": organization " + org + " not read: " + error));
        }
        out.flush();
    }
}
