package io.truecount.app.webhook;

import io.truecount.app.config.TruecountConfig;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.auth.TokenVault;
import io.truecount.connector.webhook.WebhookReceiver;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The webhook receiver of every configured connector whose type receives webhooks, by connector id. */
@Component
public class WebhookReceivers {

    private final Map<String, WebhookReceiver> receivers = new LinkedHashMap<>();

    @Autowired
    WebhookReceivers(TruecountConfig config, CamelContext camel, Clock clock, TokenVault vault) {
        Map<String, ConnectorType> types = new LinkedHashMap<>();
        ServiceLoader.load(ConnectorType.class).forEach(t -> types.putIfAbsent(t.name(), t));
        ConnectorRuntime runtime = new ConnectorRuntime(camel, clock, vault);
        for (ConnectorSettings settings : config.connectors().values()) {
            ConnectorType type = types.get(settings.type());
            if (type != null && type.receivesWebhooks()) {
                receivers.put(settings.id(), type.createWebhookReceiver(settings, runtime));
            }
        }
    }

    /** Receivers built by the caller (tests). */
    WebhookReceivers(Map<String, WebhookReceiver> receivers) {
        this.receivers.putAll(receivers);
    }

    public Optional<WebhookReceiver> get(String connectorId) {
        return Optional.ofNullable(receivers.get(connectorId));
    }
}
