package io.truecount.connector.gocardless;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.push.SinkConnector;
import io.truecount.connector.webhook.WebhookReceiver;
import java.net.URI;
import java.util.Set;

/** {@code type: gocardless}, found through {@code META-INF/services/io.truecount.connector.ConnectorType}. */
public final class GoCardlessConnectorType implements ConnectorType {

    static final String NAME = "gocardless";
    static final String ACCESS_TOKEN = "access-token";
    static final String WEBHOOK_SECRET = "webhook-secret";

    // Live; the sandbox is https://api-sandbox.gocardless.com.
    private static final URI DEFAULT_BASE_URL = URI.create("https://api.gocardless.com");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConnectorRole role() {
        return ConnectorRole.PAYMENTS;
    }

    @Override
    public Set<String> requiredCredentials() {
        return Set.of(ACCESS_TOKEN, WEBHOOK_SECRET);
    }

    @Override
    public URI defaultBaseUrl() {
        return DEFAULT_BASE_URL;
    }

    @Override
    public SinkConnector createSink(ConnectorSettings settings, ConnectorRuntime runtime) {
        URI baseUrl = settings.baseUrl() == null ? DEFAULT_BASE_URL : settings.baseUrl();
        return new GoCardlessSink(GoCardlessClient.create(settings, runtime, baseUrl), baseUrl);
    }

    @Override
    public boolean receivesWebhooks() {
        return true;
    }

    @Override
    public WebhookReceiver createWebhookReceiver(ConnectorSettings settings, ConnectorRuntime runtime) {
        return new GoCardlessWebhookReceiver(settings.credential(WEBHOOK_SECRET));
    }
}
