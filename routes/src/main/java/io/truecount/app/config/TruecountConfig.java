package io.truecount.app.config;

import io.truecount.connector.ConnectorSettings;
import io.truecount.core.contract.Company;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.Customer;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A loaded and valid configuration.
 *
 * @param file the root file it was loaded from
 * @param connectors connector id to settings, in YAML order, which is the source priority
 * @param customers customer id to customer, in YAML order
 * @param contracts in YAML order (a file's own before those of the files it includes)
 */
public record TruecountConfig(
        Path file,
        Company company,
        Map<String, ConnectorSettings> connectors,
        Map<String, Customer> customers,
        List<Contract> contracts) {

    public TruecountConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(company, "company");
        connectors = Collections.unmodifiableMap(new LinkedHashMap<>(connectors));
        customers = Collections.unmodifiableMap(new LinkedHashMap<>(customers));
        contracts = List.copyOf(contracts);
    }

    /** Settings of connectors whose type's role is a source (RMM, M365, PSA), in priority order. */
    public List<ConnectorSettings> sources() {
        return connectors.values().stream()
                .filter(c -> ConnectorCatalogue.isSource(c.type()))
                .toList();
    }
}
