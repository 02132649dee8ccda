package io.truecount.connector.atera;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.http.ResilienceOptions;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/** {@code type: atera}, found through {@code META-INF/services/io.truecount.connector.ConnectorType}. */
public final class AteraConnectorType implements ConnectorType {

    static final String NAME = "atera";
    static final String API_KEY = "api-key";
    /** Records per page ({@code itemsInPage}); Atera answers at most 50. */
    static final String PAGE_SIZE = "page-size";

    // Atera has one API host for every account; the API version path is the connector's.
    private static final URI DEFAULT_BASE_URL = URI.create("https://app.atera.com");

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
        return Set.of(API_KEY);
    }

    @Override
    public Set<String> optionKeys() {
        Set<String> keys = new HashSet<>(ResilienceOptions.KEYS);
        keys.add(PAGE_SIZE);
        return Set.copyOf(keys);
    }

    @Override
    public URI defaultBaseUrl() {
        return DEFAULT_BASE_URL;
    }

    @Override
    public SourceConnector createSource(ConnectorSettings settings, ConnectorRuntime runtime) {
        return AteraConnector.create(settings, runtime, DEFAULT_BASE_URL);
    }
}
