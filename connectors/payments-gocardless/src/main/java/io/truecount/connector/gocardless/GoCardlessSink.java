package io.truecount.connector.gocardless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.connector.SourceException;
import io.truecount.connector.json.Fields;
import io.truecount.connector.push.PushReceipt;
import io.truecount.connector.push.PushRequest;
import io.truecount.connector.push.SinkConnector;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Collects an approved invoice as one GoCardless payment against the customer's mandate.
 *
 * <p>GoCardless answers a repeated {@code Idempotency-Key} with a 409 {@code idempotent_creation_conflict} naming the
 * payment the key created, whatever the body (unlike Stripe, which replays the first answer). That conflict is how a
 * retry learns the payment exists: the sink reads it and returns it, after checking it is the payment this push
 * describes (https://gocardless.com/blog/idempotency-keys).
 */
final class GoCardlessSink implements SinkConnector {

    static final String PAYMENTS = "/payments";
    static final String CREDITORS = "/creditors";
    /** GoCardless's largest page. */
    static final int PAGE_SIZE = 500;

    private final GoCardlessClient client;
    private final URI baseUrl;

    GoCardlessSink(GoCardlessClient client, URI baseUrl) {
        this.client = client;
        this.baseUrl = baseUrl;
    }

    @Override
    public void checkConnection() {
        client.get(CREDITORS + "?limit=1");
    }

    /**
     * The payment whose metadata names the invoice, among the mandate's payments: a list read straight from GoCardless's
     * database, so a payment created a moment ago is in it.
     */
    @Override
    public Optional<PushReceipt> find(PushRequest request) {
        String mandate = mandateOf(request);
        String invoice = request.invoice().number();
        String after = null;
        do {
            String query = "?mandate=" + encode(mandate) + "&limit=" + PAGE_SIZE
                    + (after == null ? "" : "&after=" + encode(after));
            JsonNode page = client.get(PAYMENTS + query);
            JsonNode payments = page.path("payments");
            if (!payments.isArray()) {
                throw malformed("the payments list of mandate " + mandate + " has no 'payments' array");
            }
            for (JsonNode payment : payments) {
                if (invoice.equals(Fields.text(payment.path("metadata").path(PaymentMapping.INVOICE_KEY)))) {
                    return Optional.of(receipt(payment));
                }
            }
            String next = Fields.text(page.path("meta").path("cursors").path("after"));
            if (next != null && next.equals(after)) {
                throw malformed("the payments list of mandate " + mandate + " repeats the cursor " + next);
            }
            after = next;
        } while (after != null);
        return Optional.empty();
    }

    @Override
    public PushReceipt push(PushRequest request) {
        mandateOf(request);
        ObjectNode body;
        try {
            body = PaymentMapping.body(request);
        } catch (IllegalArgumentException e) {
            throw SourceException.of(client.connectorId(), e.getMessage());
        }
        GoCardlessClient.Created created = client.create(PAYMENTS, body, PaymentMapping.idempotencyKey(request.key()));
        if (created.conflictingId() == null) {
            return receipt(created.body().path("payments"));
        }
        JsonNode existing =
                client.get(PAYMENTS + "/" + encode(created.conflictingId())).path("payments");
        List<String> differences = PaymentMapping.differences(existing, request);
        if (!differences.isEmpty()) {
            throw SourceException.of(
                    client.connectorId(),
                    "GoCardless already holds payment " + created.conflictingId() + " for push "
                            + request.key() + ", and it is not this invoice's payment: "
                            + String.join("; ", differences));
        }
        return receipt(existing);
    }

    private String mandateOf(PushRequest request) {
        if (request.accountId() == null || request.accountId().isBlank()) {
            throw SourceException.of(
                    client.connectorId(),
                    "customer " + request.customer().id() + " has no GoCardless mandate id (MD…) under accounting."
                            + client.connectorId());
        }
        return request.accountId();
    }

    private PushReceipt receipt(JsonNode payment) {
        try {
            return PaymentMapping.receipt(payment, baseUrl);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    private SourceException malformed(String problem) {
        return SourceException.of(client.connectorId(), problem);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
