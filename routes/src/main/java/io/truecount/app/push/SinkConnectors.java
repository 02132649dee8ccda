package io.truecount.app.push;

import io.truecount.app.config.TruecountConfig;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.auth.TokenVault;
import io.truecount.connector.push.SinkConnector;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The configured sink connectors, built once so that cached tokens live as long as the application. */
@Component
public class SinkConnectors {

    private final Map<String, SinkConnector> connectors = new LinkedHashMap<>();

    @Autowired
    public SinkConnectors(TruecountConfig config, CamelContext camel, Clock clock, TokenVault vault) {
        Map<String, ConnectorType> types = new LinkedHashMap<>();
        ServiceLoader.load(ConnectorType.class).forEach(t -> types.putIfAbsent(t.name(), t));
        ConnectorRuntime runtime = new ConnectorRuntime(camel, clock, vault);
        for (ConnectorSettings sink : config.sinks()) {
            ConnectorType type = types.get(sink.type());
            if (type == null) {
                throw new IllegalStateException("no implementation of connector type " + sink.type());
            }
            connectors.put(sink.id(), type.createSink(sink, runtime));
        }
    }

    /** Sinks built by the caller (tests). */
    SinkConnectors(Map<String, SinkConnector> connectors) {
        this.connectors.putAll(connectors);
    }

    public SinkConnector get(String connectorId) {
        SinkConnector connector = connectors.get(connectorId);
        if (connector == null) {
            throw new IllegalArgumentException("no sink connector '" + connectorId + "'");
        }
        return connector;
    }

    public boolean has(String connectorId) {
        return connectors.containsKey(connectorId);
    }
}
