package io.truecount.connector.ninjaone;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.http.ResilienceOptions;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/** {@code type: ninjaone}, found through {@code META-INF/services/io.truecount.connector.ConnectorType}. */
public final class NinjaOneConnectorType implements ConnectorType {

    static final String NAME = "ninjaone";
    static final String CLIENT_ID = "client-id";
    static final String CLIENT_SECRET = "client-secret";
    /** Records per page; NinjaOne accepts up to 1000. */
    static final String PAGE_SIZE = "page-size";

    // The US instance; EU, CA, OC and US2 customers set their regional host as base-url.
    private static final URI DEFAULT_BASE_URL = URI.create("https://app.ninjarmm.com");

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
        return Set.of(CLIENT_ID, CLIENT_SECRET);
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
        return NinjaOneConnector.create(settings, runtime, DEFAULT_BASE_URL);
    }
}
