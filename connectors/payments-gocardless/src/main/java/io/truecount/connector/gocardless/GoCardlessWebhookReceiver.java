package io.truecount.connector.gocardless;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.connector.Secret;
import io.truecount.connector.json.Fields;
import io.truecount.connector.json.Json;
import io.truecount.connector.webhook.InboundEvent;
import io.truecount.connector.webhook.Signatures;
import io.truecount.connector.webhook.WebhookEffect;
import io.truecount.connector.webhook.WebhookEffect.PaymentKind;
import io.truecount.connector.webhook.WebhookReceiver;
import io.truecount.connector.webhook.WebhookRejectedException;
import io.truecount.connector.webhook.WebhookRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GoCardless webhooks: {@code Webhook-Signature} is the hex HMAC-SHA256 of the raw body with the endpoint's secret, and
 * the body is a batch {@code {"events":[...]}} of up to 250 events, each with its own {@code EV…} id
 * (https://developer.gocardless.com/getting-started/stay-up-to-date-with-webhooks-v2). A bad or missing signature is
 * answered 498, GoCardless's convention, rather than 401.
 */
final class GoCardlessWebhookReceiver implements WebhookReceiver {

    static final String SIGNATURE_HEADER = "Webhook-Signature";
    /** GoCardless's documented answer to a webhook whose signature does not match ("invalid token"). */
    static final int INVALID_SIGNATURE = 498;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Secret secret;

    GoCardlessWebhookReceiver(Secret secret) {
        this.secret = secret;
    }

    @Override
    public List<InboundEvent> verify(WebhookRequest request) {
        String received = request.header(SIGNATURE_HEADER);
        if (received == null || received.isBlank()) {
            throw new WebhookRejectedException(INVALID_SIGNATURE, "GoCardless webhook without a Webhook-Signature");
        }
        String computed = Signatures.hex(Signatures.hmacSha256(secret.reveal(), request.body()));
        if (!Signatures.matches(computed, received.toLowerCase(Locale.ROOT))) {
            throw new WebhookRejectedException(
                    INVALID_SIGNATURE, "GoCardless webhook signature does not match the connector's webhook-secret");
        }
        JsonNode events;
        try {
            events = Json.parse(request.body()).path("events");
        } catch (IOException e) {
            throw WebhookRejectedException.malformed("GoCardless webhook body is not JSON");
        }
        if (!events.isArray() || events.isEmpty()) {
            throw WebhookRejectedException.malformed("GoCardless webhook body has no 'events'");
        }
        List<InboundEvent> inbound = new ArrayList<>(events.size());
        for (JsonNode event : events) {
            inbound.add(inbound(event, inbound.size() + 1));
        }
        return inbound;
    }

    @Override
    public WebhookEffect interpret(InboundEvent event) {
        JsonNode json;
        try {
            json = Json.parse(event.payload());
        } catch (IOException e) {
            throw new IllegalArgumentException("GoCardless event " + event.eventId() + " is not JSON");
        }
        Instant occurredAt = createdAt(json, event.eventId());
        String resource = Fields.text(json.path("resource_type"));
        String action = Fields.text(json.path("action"));
        if (!"payments".equals(resource)) {
            return new WebhookEffect.Ignored(
                    "GoCardless " + resource + "." + action + " is not about a payment", occurredAt);
        }
        PaymentKind kind = kind(action);
        if (kind == null) {
            return new WebhookEffect.Ignored("GoCardless payments." + action + " changes nothing here", occurredAt);
        }
        String payment = Fields.text(json.path("links").path("payment"));
        if (payment == null) {
            throw new IllegalArgumentException("GoCardless event " + event.eventId() + " names no links.payment");
        }
        // Events carry no amount: a GoCardless payment is always collected in full, for the amount pushed.
        return new WebhookEffect.Payment(
                kind, null, payment, null, null, null, occurredAt, detail(json.path("details"), kind));
    }

    private static PaymentKind kind(String action) {
        return switch (action == null ? "" : action) {
            case "confirmed" -> PaymentKind.PAID;
            case "failed" -> PaymentKind.FAILED;
            case "paid_out" -> PaymentKind.PAID_OUT;
            case "charged_back" -> PaymentKind.DISPUTED;
            default -> null;
        };
    }

    /** The description; for a failure or chargeback prefixed by its cause ({@code insufficient_funds}). */
    private static String detail(JsonNode details, PaymentKind kind) {
        String description = Fields.text(details.path("description"));
        String cause = Fields.text(details.path("cause"));
        if (cause == null || kind == PaymentKind.PAID || kind == PaymentKind.PAID_OUT) {
            return description;
        }
        return description == null ? cause : cause + ": " + description;
    }

    private static InboundEvent inbound(JsonNode event, int position) {
        String id = Fields.text(event.path("id"));
        String resource = Fields.text(event.path("resource_type"));
        String action = Fields.text(event.path("action"));
        if (id == null || resource == null || action == null) {
            throw WebhookRejectedException.malformed(
                    "GoCardless webhook event " + position + " lacks an id, resource_type or action");
        }
        try {
            return new InboundEvent(id, resource + "." + action, JSON.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree always serializes", e);
        }
    }

    private static Instant createdAt(JsonNode event, String eventId) {
        String text = Fields.text(event.path("created_at"));
        if (text == null) {
            throw new IllegalArgumentException("GoCardless event " + eventId + " has no created_at");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "GoCardless event " + eventId + " has created_at '" + text + "', not an ISO-8601 instant");
        }
    }
}
