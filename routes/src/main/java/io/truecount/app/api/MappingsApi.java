package io.truecount.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.TruecountConfig;
import io.truecount.app.mapping.CrossReferences;
import io.truecount.app.mapping.MappingReport;
import io.truecount.app.sync.ObservationRepository;
import io.truecount.connector.ConnectorSettings;
import io.truecount.core.contract.Customer;
import io.truecount.core.observation.ExternalOrganization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code truecount mappings} as JSON: each source's organizations, which customer each maps to, and the gaps. */
@RestController
@Tag(name = "customers")
class MappingsApi {

    /**
     * @param syncRun the latest successful run the organizations come from; null when the source never synced
     * @param dangling {@code customer -> externalId} mappings the source did not report
     */
    record SourceMappings(
            String connector,
            String type,
            Long syncRun,
            int organizations,
            int unmapped,
            List<Organization> rows,
            List<String> dangling) {}

    /** @param customer null when no customer maps it */
    record Organization(String externalId, String name, String customer, List<Suggestion> suggestions) {}

    record Suggestion(String customer, String name, String why) {}

    record Report(List<SourceMappings> connectors, List<String> customersWithoutSource) {}

    private final ActiveConfig config;
    private final ObservationRepository observations;

    MappingsApi(ActiveConfig config, ObservationRepository observations) {
        this.config = config;
        this.observations = observations;
    }

    @GetMapping("/api/mappings")
    @Operation(
            summary = "The mapping report: each source's organizations, unmapped ones with suggestions, and"
                    + " customers no source maps")
    Report mappings() {
        TruecountConfig cfg = config.get();
        Map<String, List<ExternalOrganization>> organizations = new LinkedHashMap<>();
        Map<String, Long> runs = new LinkedHashMap<>();
        CrossReferences references = new CrossReferences();
        for (ConnectorSettings source : cfg.sources()) {
            Optional<Long> run = observations.latestSucceededRun(source.id());
            if (run.isPresent()) {
                List<ExternalOrganization> orgs = observations.organizations(run.get(), source.id());
                organizations.put(source.id(), orgs);
                runs.put(source.id(), run.get());
                references.add(source.id(), source.type(), orgs, cfg.customers());
            }
        }
        List<SourceMappings> sources = new ArrayList<>();
        for (ConnectorSettings source : cfg.sources()) {
            List<ExternalOrganization> orgs = organizations.get(source.id());
            if (orgs == null) {
                sources.add(new SourceMappings(source.id(), source.type(), null, 0, 0, List.of(), List.of()));
                continue;
            }
            List<Organization> rows =
                    MappingReport.of(source.id(), source.type(), orgs, cfg.customers(), references).stream()
                            .map(r -> new Organization(
                                    r.organization().externalId(),
                                    r.organization().name(),
                                    r.customerId(),
                                    r.suggestions().stream()
                                            .map(s -> new Suggestion(s.customerId(), s.customerName(), s.why()))
                                            .toList()))
                            .toList();
            int unmapped = (int) rows.stream().filter(r -> r.customer() == null).count();
            sources.add(new SourceMappings(
                    source.id(),
                    source.type(),
                    runs.get(source.id()),
                    rows.size(),
                    unmapped,
                    rows,
                    List.copyOf(MappingReport.dangling(source.id(), orgs, cfg.customers()))));
        }
        List<String> withoutSource = cfg.customers().values().stream()
                .filter(c -> cfg.sources().stream()
                        .allMatch(s -> c.externalIds(s.id()).isEmpty()))
                .map(Customer::id)
                .toList();
        return new Report(sources, withoutSource);
    }
}
