package io.truecount.connector.dropboxsign;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.webhook.WebhookReceiver;
import java.net.URI;
import java.util.Set;

/** {@code type: dropbox-sign}: Dropbox Sign (HelloSign) account and app callbacks. */
public final class DropboxSignConnectorType implements ConnectorType {

    static final String NAME = "dropbox-sign";
    /** The API key of the account that owns the callback (or the app); Dropbox Sign signs events with it. */
    static final String API_KEY = "api-key";

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
        return Set.of(API_KEY);
    }

    /** Dropbox Sign calls Truecount; Truecount never calls it, so no HTTP tunables apply. */
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
        return new DropboxSignReceiver(settings.credential(API_KEY).reveal());
    }
}
