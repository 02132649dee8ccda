package io.truecount.connector.pandadoc;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.webhook.WebhookReceiver;
import java.net.URI;
import java.util.Set;

/** {@code type: pandadoc}: PandaDoc webhook notifications about documents. */
public final class PandaDocConnectorType implements ConnectorType {

    static final String NAME = "pandadoc";
    /** The shared key of the webhook subscription (PandaDoc, Settings, Webhooks), not the API key. */
    static final String WEBHOOK_KEY = "webhook-key";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorRole role() {
        return ConnectorRole.ESIGN;
    }

    @Override
    public Set<String> requiredCredentials() {
        return Set.of(WEBHOOK_KEY);
    }

    /** PandaDoc calls Truecount; Truecount never calls it, so no HTTP tunables apply. */
    @Override
    public Set<String> optionKeys() {
        return Set.of();
    }

    @Override
    public URI defaultBaseUrl() {
        return null;
    }

    @Override
    public boolean receivesWebhooks() {
        return true;
    }

    @Override
    public WebhookReceiver createWebhookReceiver(ConnectorSettings settings, ConnectorRuntime runtime) {
        return new PandaDocReceiver(settings.credential(WEBHOOK_KEY).reveal());
    }
}
