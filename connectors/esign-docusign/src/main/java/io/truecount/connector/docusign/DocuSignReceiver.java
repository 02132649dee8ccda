package io.truecount.connector.docusign;

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
import java.util.List;
import java.util.Map;

/**
 * DocuSign Connect (JSON SIM format): {@code X-DocuSign-Signature-1..N} = base64(HMAC-SHA256(key, raw body)), one per
 * active Connect key (developers.docusign.com/platform/webhooks/connect/validate). A request is accepted when any
 * header matches any configured key, so keys can be rotated one at a time on either side.
 */
final class DocuSignReceiver implements WebhookReceiver {

    static final String SIGNATURE_PREFIX = "X-DocuSign-Signature-";

    private final List<String> keys;

    DocuSignReceiver(List<String> keys) {
        this.keys = List.copyOf(keys);
    }

    @Override
    public List<InboundEvent> verify(WebhookRequest request) {
        Map<String, String> signatures = request.headersStartingWith(SIGNATURE_PREFIX);
        if (signatures.isEmpty()) {
            throw WebhookRejectedException.badSignature("DocuSign request without an X-DocuSign-Signature header");
        }
        boolean matched = false;
        for (String key : keys) {
            String computed = Signatures.base64(Signatures.hmacSha256(key, request.body()));
            for (String received : signatures.values()) {
                // Base64 is case-sensitive: compared as sent. No early exit, so timing says nothing about which key.
                matched |= Signatures.matches(computed, received);
            }
        }
        if (!matched) {
            throw WebhookRejectedException.badSignature(
                    "DocuSign signature matches none of the " + keys.size() + " configured hmac-keys");
        }
        return List.of(split(request.body()));
    }

    /**
     * DocuSign gives a notification no id. A retry of the same notification repeats its {@code generatedDateTime} and
     * increments only {@code retryCount}, while a new event for the envelope gets a new {@code generatedDateTime}; so
     * envelope, event and generation time identify it.
     */
    private static InboundEvent split(byte[] body) {
        JsonNode root = parse(body);
        JsonNode data = root.path("data");
        String event = Fields.text(root.path("event"));
        String envelopeId = envelopeId(data);
        String generated = Fields.text(root.path("generatedDateTime"));
        if (event == null || envelopeId == null || generated == null) {
            throw WebhookRejectedException.malformed(
                    "DocuSign notification without event, data.envelopeId or generatedDateTime");
        }
        return new InboundEvent(envelopeId + "/" + event + "/" + generated, event, body);
    }

    @Override
    public WebhookEffect interpret(InboundEvent event) {
        JsonNode root;
        try {
            root = Json.parse(event.payload());
        } catch (IOException e) {
            throw new IllegalArgumentException("DocuSign event " + event.eventId() + " is not JSON");
        }
        return ConnectEvents.effectOf(root);
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode root = Json.parse(body);
            if (!root.isObject()) {
                throw WebhookRejectedException.malformed("DocuSign notification is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw WebhookRejectedException.malformed("DocuSign notification is not JSON (Connect must send JSON SIM)");
        }
    }

    static String envelopeId(JsonNode data) {
        String id = Fields.text(data.path("envelopeId"));
        return id != null ? id : Fields.text(data.path("envelopeSummary").path("envelopeId"));
    }
}
