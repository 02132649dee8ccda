package io.truecount.connector.pandadoc;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.json.Fields;
import io.truecount.connector.json.Json;
import io.truecount.connector.webhook.InboundEvent;
import io.truecount.connector.webhook.Signatures;
import io.truecount.connector.webhook.WebhookEffect;
import io.truecount.connector.webhook.WebhookReceiver;
import io.truecount.connector.webhook.WebhookRejectedException;
import io.truecount.connector.webhook.WebhookRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PandaDoc webhooks: PandaDoc appends {@code ?signature=<hex HMAC-SHA256(shared key, raw body)>} to the subscription
 * URL, and the body is a JSON array that may batch several notifications (developers.pandadoc.com, Webhooks).
 */
final class PandaDocReceiver implements WebhookReceiver {

    static final String EVENT_ID_HEADER = "X-PandaDoc-Webhook-Event-Id";

    private final String key;

    PandaDocReceiver(String key) {
        this.key = key;
    }

    @Override
    public List<InboundEvent> verify(WebhookRequest request) {
        String signature = request.query().get("signature");
        if (signature == null || signature.isBlank()) {
            throw WebhookRejectedException.badSignature("PandaDoc request without ?signature=");
        }
        String computed = Signatures.hex(Signatures.hmacSha256(key, request.body()));
        if (!Signatures.matches(computed, signature.toLowerCase(Locale.ROOT))) {
            throw WebhookRejectedException.badSignature("PandaDoc signature does not match the webhook-key");
        }
        JsonNode batch = parse(request.body());
        String deliveryId = request.header(EVENT_ID_HEADER);
        List<InboundEvent> events = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            JsonNode notification = batch.get(i);
            String event = Fields.text(notification.path("event"));
            if (event == null) {
                throw WebhookRejectedException.malformed("PandaDoc notification " + i + " has no event");
            }
            events.add(InboundEvent.of(eventId(deliveryId, i, notification, event), event, notification.toString()));
        }
        return events;
    }

    /**
     * PandaDoc's delivery id (the header it tells receivers to deduplicate on), with the position in the batch;
     * without the header, the document, event, status and modification time, which a redelivery repeats.
     */
    private static String eventId(String deliveryId, int index, JsonNode notification, String event) {
        if (deliveryId != null && !deliveryId.isBlank()) {
            return deliveryId.strip() + "/" + index;
        }
        JsonNode data = notification.path("data");
        String documentId = Fields.text(data.path("id"));
        if (documentId == null) {
            throw WebhookRejectedException.malformed(
                    "PandaDoc notification " + index + " has no data.id and the request no " + EVENT_ID_HEADER);
        }
        return documentId + "/" + event + "/" + orDash(Fields.text(data.path("status"))) + "/"
                + orDash(Fields.text(data.path("date_modified")));
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    @Override
    public WebhookEffect interpret(InboundEvent event) {
        try {
            return Notifications.effectOf(Json.parse(event.payload()));
        } catch (IOException e) {
            throw new IllegalArgumentException("PandaDoc event " + event.eventId() + " is not JSON");
        }
    }

    private static JsonNode parse(byte[] body) {
        JsonNode batch;
        try {
            batch = Json.parse(body);
        } catch (IOException e) {
            throw WebhookRejectedException.malformed("PandaDoc webhook body is not JSON");
        }
        if (!batch.isArray() || batch.isEmpty()) {
            throw WebhookRejectedException.malformed("PandaDoc webhook body is not a non-empty JSON array");
        }
        return batch;
    }
}
