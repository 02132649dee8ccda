package io.truecount.connector.autotask;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.http.ResilienceOptions;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;

/** {@code type: autotask}, found through {@code META-INF/services/io.truecount.connector.ConnectorType}. */
public final class AutotaskConnectorType implements ConnectorType {

    static final String NAME = "autotask";
    static final String USERNAME = "username";
    static final String SECRET = "secret";
    static final String INTEGRATION_CODE = "integration-code";
    /** Records per query page; Autotask serves at most 500. */
    static final String PAGE_SIZE = "page-size";
    /** This JVM's share of the database's 10,000 requests per rolling hour. */
    static final String REQUESTS_PER_HOUR = "requests-per-hour";
    /** ISO date: a first run (no watermark) reads entries worked on or after it instead of all of them. */
    static final String HISTORY_START = "history-start";

    /** Where zone discovery asks; a base-url that is only a host means "discover the zone there". */
    static final URI DISCOVERY_HOST = URI.create("https://webservices.autotask.net");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorRole role() {
        return ConnectorRole.PSA;
    }

    @Override
    public Set<String> requiredCredentials() {
        return Set.of(USERNAME, SECRET, INTEGRATION_CODE);
    }

    @Override
    public Set<String> optionKeys() {
        Set<String> keys = new HashSet<>(ResilienceOptions.KEYS);
        keys.add(PAGE_SIZE);
        keys.add(REQUESTS_PER_HOUR);
        keys.add(HISTORY_START);
        return Set.copyOf(keys);
    }

    @Override
    public String optionProblem(String key, String value) {
        if (!key.equals(HISTORY_START)) {
            return ConnectorType.super.optionProblem(key, value);
        }
        try {
            LocalDate.parse(value.strip());
            return null;
        } catch (DateTimeParseException e) {
            return "'" + HISTORY_START + "' must be a date like 2025-01-01, not '" + value + "'";
        }
    }

    /**
     * Autotask's discovery host: each database lives in a zone ({@code webservices15.autotask.net}) found with
     * {@code zoneInformation}. A {@code base-url} with a path ({@code https://webservices15.autotask.net/ATServicesRest})
     * names the zone and skips discovery; one without a path is a discovery host (a simulator in tests).
     */
    @Override
    public URI defaultBaseUrl() {
        return DISCOVERY_HOST;
    }

    @Override
    public SourceConnector createSource(ConnectorSettings settings, ConnectorRuntime runtime) {
        return AutotaskConnector.create(settings, runtime, RequestBudget.Sleeper.REAL);
    }
}
