package io.truecount.connector.docusign;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.Secret;
import io.truecount.connector.webhook.WebhookReceiver;
import java.net.URI;
import java.util.List;
import java.util.Set;

/** {@code type: docusign}: DocuSign Connect envelope events, found through {@code META-INF/services}. */
public final class DocuSignConnectorType implements ConnectorType {

    static final String NAME = "docusign";
    /** A list in YAML; it arrives as {@code hmac-keys[0]}, {@code hmac-keys[1]}, ... (or {@code hmac-keys} alone). */
    static final String HMAC_KEYS = "hmac-keys";

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
        return Set.of(HMAC_KEYS);
    }

    /** Connect calls Truecount; Truecount never calls DocuSign, so no HTTP tunables apply. */
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
        return new DocuSignReceiver(hmacKeys(settings));
    }

    /** The Connect HMAC keys in the order the admin listed them. */
    static List<String> hmacKeys(ConnectorSettings settings) {
        List<String> keys =
                settings.credentialList(HMAC_KEYS).stream().map(Secret::reveal).toList();
        if (keys.isEmpty()) {
            throw new IllegalStateException("connector " + settings.id() + " has no credential '" + HMAC_KEYS + "'");
        }
        return keys;
    }
}
