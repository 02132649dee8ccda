package io.truecount.app.sync;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.ConfigReplaced;
import io.truecount.app.config.ConnectorInstances;
import io.truecount.app.config.TruecountConfig;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.SourceConnector;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The configured source connectors, built once per settings so that tokens they cache outlive single syncs. */
@Component
public class SourceConnectors {

    private final ConnectorInstances<SourceConnector> connectors;

    @Autowired
    SourceConnectors(ActiveConfig config, CamelContext camel, Clock clock) {
        this(config.get(), camel, clock);
    }

    /** Also built outside the application by {@code truecount check}, on a bare Camel context. */
    public SourceConnectors(TruecountConfig config, CamelContext camel, Clock clock) {
        ConnectorRuntime runtime = new ConnectorRuntime(camel, clock);
        this.connectors = new ConnectorInstances<>(
                config, TruecountConfig::sources, (type, settings) -> type.createSource(settings, runtime));
    }

    @EventListener
    void on(ConfigReplaced reload) {
        connectors.update(reload.current());
    }

    public SourceConnector get(String connectorId) {
        return connectors
                .get(connectorId)
                .orElseThrow(() -> new IllegalArgumentException("no source connector '" + connectorId + "'"));
    }
}
