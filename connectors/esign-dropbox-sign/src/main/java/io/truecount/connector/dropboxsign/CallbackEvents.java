package io.truecount.connector.dropboxsign;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.json.Fields;
import io.truecount.connector.webhook.WebhookEffect;
import io.truecount.connector.webhook.WebhookEffect.SignatureKind;
import java.time.Instant;

/** What a Dropbox Sign event means for a contract (developers.hellosign.com, Events and Callbacks). */
final class CallbackEvents {

    private CallbackEvents() {}

    static WebhookEffect effectOf(JsonNode root) {
        JsonNode event = root.path("event");
        String type = Fields.text(event.path("event_type"));
        Instant occurredAt = epochSeconds(Fields.text(event.path("event_time")));
        SignatureKind kind = kindOf(type);
        if (kind == null) {
            return new WebhookEffect.Ignored("Dropbox Sign event " + type, occurredAt);
        }
        JsonNode request = root.path("signature_request");
        String requestId = Fields.text(request.path("signature_request_id"));
        if (requestId == null) {
            throw new IllegalArgumentException("Dropbox Sign " + type + " without signature_request_id");
        }
        String relatedSignature = Fields.text(event.path("event_metadata").path("related_signature_id"));
        return new WebhookEffect.Signature(kind, requestId, occurredAt, signer(kind, request, relatedSignature));
    }

    private static SignatureKind kindOf(String type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "signature_request_all_signed" -> SignatureKind.COMPLETED;
            case "signature_request_declined" -> SignatureKind.DECLINED;
            case "signature_request_canceled", "signature_request_expired" -> SignatureKind.VOIDED;
            default -> null;
        };
    }

    /**
     * The signer the event names ({@code related_signature_id}), else the one who declined, else the last to sign;
     * null for cancelled or expired requests.
     */
    private static String signer(SignatureKind kind, JsonNode request, String relatedSignature) {
        if (kind == SignatureKind.VOIDED) {
            return null;
        }
        JsonNode chosen = null;
        long latest = Long.MIN_VALUE;
        for (JsonNode signature : request.path("signatures")) {
            if (relatedSignature != null && relatedSignature.equals(Fields.text(signature.path("signature_id")))) {
                return describe(signature);
            }
            String status = Fields.text(signature.path("status_code"));
            if (kind == SignatureKind.DECLINED && "declined".equals(status)) {
                chosen = signature;
                latest = Long.MAX_VALUE;
            } else if (kind == SignatureKind.COMPLETED
                    && signature.path("signed_at").canConvertToLong()) {
                long signedAt = signature.path("signed_at").asLong();
                if (signedAt > latest) {
                    latest = signedAt;
                    chosen = signature;
                }
            }
        }
        return chosen == null ? null : describe(chosen);
    }

    private static String describe(JsonNode signature) {
        String name = Fields.text(signature.path("signer_name"));
        String email = Fields.text(signature.path("signer_email_address"));
        if (name != null && email != null) {
            return name + " <" + email + ">";
        }
        return name != null ? name : email;
    }

    private static Instant epochSeconds(String text) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Dropbox Sign event_time is not Unix seconds: '" + text + "'");
        }
    }
}
