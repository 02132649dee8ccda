package io.truecount.connector.datto;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.concurrent.PerOrganization;
import io.truecount.connector.http.ResilienceOptions;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/** {@code type: datto-rmm}, found through {@code META-INF/services/io.truecount.connector.ConnectorType}. */
public final class DattoConnectorType implements ConnectorType {

    static final String NAME = "datto-rmm";
    static final String API_KEY = "api-key";
    static final String API_SECRET = "api-secret";
    /** Records per page ({@code max}); Datto's default and maximum is 250. */
    static final String PAGE_SIZE = "page-size";

    // The US "merlot" platform; accounts on pinotage, concord, vidal, zinfandel or syrah set their host as base-url.
    private static final URI DEFAULT_BASE_URL = URI.create("https://merlot-api.centrastage.net");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorRole role() {
        return ConnectorRole.RMM;
    }

    @Override
    public Set<String> requiredCredentials() {
        return Set.of(API_KEY, API_SECRET);
    }

    @Override
    public Set<String> optionKeys() {
        Set<String> keys = new HashSet<>(ResilienceOptions.KEYS);
        keys.add(PAGE_SIZE);
        keys.add(PerOrganization.CONCURRENCY);
        return Set.copyOf(keys);
    }

    @Override
    public URI defaultBaseUrl() {
        return DEFAULT_BASE_URL;
    }

    @Override
    public SourceConnector createSource(ConnectorSettings settings, ConnectorRuntime runtime) {
        return DattoConnector.create(settings, runtime, DEFAULT_BASE_URL);
    }
}
