package io.truecount.connector.halopsa;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.http.ResilienceOptions;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/** {@code type: halopsa}, found through {@code META-INF/services/io.truecount.connector.ConnectorType}. */
public final class HaloPsaConnectorType implements ConnectorType {

    static final String NAME = "halopsa";
    static final String CLIENT_ID = "client-id";
    static final String CLIENT_SECRET = "client-secret";
    /** Halo-hosted instances name their tenant on the token request; self-hosted ones have none. */
    static final String TENANT = "tenant";
    /** Records per page of every listing. */
    static final String PAGE_SIZE = "page-size";
    /** Hours after which a run reads every ticket and action again instead of only changed tickets (default 24). */
    static final String FULL_SYNC_HOURS = "full-sync-hours";

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
        return Set.of(CLIENT_ID, CLIENT_SECRET);
    }

    @Override
    public Set<String> optionalCredentials() {
        return Set.of(TENANT);
    }

    @Override
    public Set<String> optionKeys() {
        Set<String> keys = new HashSet<>(ResilienceOptions.KEYS);
        keys.add(PAGE_SIZE);
        keys.add(FULL_SYNC_HOURS);
        return Set.copyOf(keys);
    }

    /**
     * None: every HaloPSA instance has its own host ({@code https://<name>.halopsa.com/api} or the MSP's own), so the
     * YAML must give {@code base-url}.
     */
    @Override
    public URI defaultBaseUrl() {
        return null;
    }

    @Override
    public SourceConnector createSource(ConnectorSettings settings, ConnectorRuntime runtime) {
        return HaloPsaConnector.create(settings, runtime);
    }
}
