package io.truecount.app.webhook;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.ConfigReplaced;
import io.truecount.app.config.ConnectorInstances;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.auth.TokenVault;
import io.truecount.connector.webhook.WebhookReceiver;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The webhook receiver of every configured connector whose type receives webhooks, by connector id. A reload that
 * rotates a signing secret takes effect for the next delivery.
 */
@Component
public class WebhookReceivers {

    private final ConnectorInstances<WebhookReceiver> receivers;

    @Autowired
    WebhookReceivers(ActiveConfig config, CamelContext camel, Clock clock, TokenVault vault) {
        ConnectorRuntime runtime = new ConnectorRuntime(camel, clock, vault);
        this.receivers = new ConnectorInstances<>(
                config.get(),
                c -> List.copyOf(c.connectors().values()),
                (type, settings) -> type.receivesWebhooks() ? type.createWebhookReceiver(settings, runtime) : null);
    }

    /** Receivers built by the caller (tests). */
    WebhookReceivers(Map<String, WebhookReceiver> receivers) {
        this.receivers = ConnectorInstances.fixed(receivers);
    }

    @EventListener
    void on(ConfigReplaced reload) {
        receivers.update(reload.current());
    }

    public Optional<WebhookReceiver> get(String connectorId) {
        return receivers.get(connectorId);
    }
}
