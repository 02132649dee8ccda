package io.truecount.app.config;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.http.ResilienceOptions;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/**
 * Stands in for a connector module's type, so these tests do not depend on which modules are on the classpath.
 *
 * @param typeOptions option keys the type reads besides the runtime's {@link ResilienceOptions#KEYS}
 */
record FakeConnectorType(String name, ConnectorRole role, URI defaultBaseUrl, Set<String> typeOptions)
        implements ConnectorType {

    FakeConnectorType(String name, ConnectorRole role, URI defaultBaseUrl) {
        this(name, role, defaultBaseUrl, Set.of());
    }

    /** Like rmm-ninjaone's type, which also reads {@code page-size}. */
    static FakeConnectorType ninjaone() {
        return new FakeConnectorType(
                "ninjaone", ConnectorRole.RMM, URI.create("https://app.ninjarmm.com"), Set.of("page-size"));
    }

    @Override
    public Set<String> requiredCredentials() {
        return Set.of();
    }

    @Override
    public Set<String> optionKeys() {
        Set<String> keys = new HashSet<>(ResilienceOptions.KEYS);
        keys.addAll(typeOptions);
        return keys;
    }

    @Override
    public SourceConnector createSource(ConnectorSettings settings, ConnectorRuntime runtime) {
        throw new UnsupportedOperationException("configuration tests never sync");
    }
}
