package io.truecount.app.golden;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.SourceConnector;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Stand-ins for the source connector types, so golden cases can configure every kind of source: the cases hand their
 * observations straight to the billing core and never sync.
 */
record GoldenTypes(String name, ConnectorRole role) implements ConnectorType {

    static List<ConnectorType> all() {
        return List.of(
                new GoldenTypes("ninjaone", ConnectorRole.RMM),
                new GoldenTypes("datto-rmm", ConnectorRole.RMM),
                new GoldenTypes("atera", ConnectorRole.RMM),
                new GoldenTypes("microsoft-graph", ConnectorRole.M365),
                new GoldenTypes("connectwise-manage", ConnectorRole.PSA),
                new GoldenTypes("autotask", ConnectorRole.PSA),
                new GoldenTypes("halopsa", ConnectorRole.PSA));
    }

    @Override
    public Set<String> requiredCredentials() {
        return Set.of();
    }

    @Override
    public URI defaultBaseUrl() {
        return URI.create("https://vendor.invalid");
    }

    @Override
    public SourceConnector createSource(ConnectorSettings settings, ConnectorRuntime runtime) {
        throw new UnsupportedOperationException("golden cases never sync");
    }
}
