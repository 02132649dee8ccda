package io.truecount.app.sync;

import io.truecount.app.config.TruecountConfig;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.SourceConnector;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.camel.CamelContext;
import org.springframework.stereotype.Component;

/**
 * The configured source connectors, built once from the configuration through their {@link ConnectorType}s (found
 * with ServiceLoader) so that tokens they cache live as long as the application.
 */
@Component
public class SourceConnectors {

    private final Map<String, SourceConnector> connectors = new LinkedHashMap<>();

    /** Also built outside the application by {@code truecount check}, on a bare Camel context. */
    public SourceConnectors(TruecountConfig config, CamelContext camel, Clock clock) {
        Map<String, ConnectorType> types = new LinkedHashMap<>();
        // The first registration of a name wins, as in ConfigLoader, so both always agree on the implementation.
        ServiceLoader.load(ConnectorType.class).forEach(t -> types.putIfAbsent(t.name(), t));
        ConnectorRuntime runtime = new ConnectorRuntime(camel, clock);
        for (ConnectorSettings source : config.sources()) {
            ConnectorType type = types.get(source.type());
            if (type == null) {
                // Validation refuses such a file; reaching this is a packaging error, not an admin's.
                throw new IllegalStateException("no implementation of connector type " + source.type());
            }
            connectors.put(source.id(), type.createSource(source, runtime));
        }
    }

    public SourceConnector get(String connectorId) {
        SourceConnector connector = connectors.get(connectorId);
        if (connector == null) {
            throw new IllegalArgumentException("no source connector '" + connectorId + "'");
        }
        return connector;
    }
}
