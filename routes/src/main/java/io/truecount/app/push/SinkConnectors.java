package io.truecount.app.push;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.ConfigReplaced;
import io.truecount.app.config.ConnectorInstances;
import io.truecount.app.config.TruecountConfig;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.auth.TokenVault;
import io.truecount.connector.push.SinkConnector;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The configured sink connectors, built once per settings so that cached tokens outlive single pushes. */
@Component
public class SinkConnectors {

    private final ConnectorInstances<SinkConnector> connectors;

    @Autowired
    public SinkConnectors(ActiveConfig config, CamelContext camel, Clock clock, TokenVault vault) {
        ConnectorRuntime runtime = new ConnectorRuntime(camel, clock, vault);
        this.connectors = new ConnectorInstances<>(
                config.get(), TruecountConfig::sinks, (type, settings) -> type.createSink(settings, runtime));
    }

    /** Sinks built by the caller (tests). */
    SinkConnectors(Map<String, SinkConnector> connectors) {
        this.connectors = ConnectorInstances.fixed(connectors);
    }

    @EventListener
    void on(ConfigReplaced reload) {
        connectors.update(reload.current());
    }

    public SinkConnector get(String connectorId) {
        return connectors
                .get(connectorId)
                .orElseThrow(() -> new IllegalArgumentException("no sink connector '" + connectorId + "'"));
    }

    public boolean has(String connectorId) {
        return connectors.has(connectorId);
    }
}
