package io.truecount.connector.stripe;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.Secret;
import io.truecount.connector.http.ResilienceOptions;
import io.truecount.connector.push.SinkConnector;
import io.truecount.connector.webhook.WebhookReceiver;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code type: stripe}: approved invoices become finalized Stripe invoices, and Stripe's payment events come back
 * through {@code POST /webhooks/<connector id>}. Found through {@code META-INF/services}.
 */
public final class StripeConnectorType implements ConnectorType {

    static final String NAME = "stripe";
    static final String API_KEY = "api-key";
    static final String WEBHOOK_SECRET = "webhook-secret";
    /** A list credential: {@code webhook-secrets: [..]} arrives as {@code webhook-secrets[0]}, {@code [1]}, ... */
    static final String WEBHOOK_SECRETS = "webhook-secrets";
    /** How Stripe collects the invoice: {@code send-invoice} (default) or {@code charge-automatically}. */
    static final String COLLECTION = "collection";

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
        return Set.of(API_KEY);
    }

    /** One of these (the single or the list form) is required; configuration checks that (ConnectorCatalogue). */
    @Override
    public Set<String> optionalCredentials() {
        return Set.of(WEBHOOK_SECRET, WEBHOOK_SECRETS);
    }

    @Override
    public Set<String> optionKeys() {
        Set<String> keys = new HashSet<>(ResilienceOptions.KEYS);
        keys.add(COLLECTION);
        return Set.copyOf(keys);
    }

    @Override
    public String optionProblem(String key, String value) {
        if (COLLECTION.equals(key)) {
            return Collection.parse(value) == null
                    ? "'" + COLLECTION + "' must be one of " + Collection.NAMES + ", not '" + value.strip() + "'"
                    : null;
        }
        return ConnectorType.super.optionProblem(key, value);
    }

    @Override
    public URI defaultBaseUrl() {
        return URI.create("https://api.stripe.com");
    }

    @Override
    public SinkConnector createSink(ConnectorSettings settings, ConnectorRuntime runtime) {
        return StripeSink.create(settings, runtime, defaultBaseUrl());
    }

    @Override
    public boolean receivesWebhooks() {
        return true;
    }

    @Override
    public WebhookReceiver createWebhookReceiver(ConnectorSettings settings, ConnectorRuntime runtime) {
        return new StripeWebhookReceiver(webhookSecrets(settings), runtime.clock());
    }

    /** Every configured endpoint secret: during a rotation Stripe signs with the old and the new one. */
    static List<Secret> webhookSecrets(ConnectorSettings settings) {
        List<Secret> secrets = new ArrayList<>(settings.credentialList(WEBHOOK_SECRET));
        secrets.addAll(settings.credentialList(WEBHOOK_SECRETS));
        return List.copyOf(secrets);
    }

    /** Stripe's {@code collection_method}, as the admin writes it. */
    enum Collection {
        SEND_INVOICE("send-invoice", "send_invoice"),
        CHARGE_AUTOMATICALLY("charge-automatically", "charge_automatically");

        static final List<String> NAMES = List.of("send-invoice", "charge-automatically");

        private final String configName;
        private final String stripeName;

        Collection(String configName, String stripeName) {
            this.configName = configName;
            this.stripeName = stripeName;
        }

        String stripeName() {
            return stripeName;
        }

        /** Null when the value names no collection method. */
        static Collection parse(String value) {
            for (Collection c : values()) {
                if (c.configName.equals(value == null ? null : value.strip())) {
                    return c;
                }
            }
            return null;
        }
    }
}
