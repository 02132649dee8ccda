package io.truecount.connector.docusign;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.json.Fields;
import io.truecount.connector.webhook.WebhookEffect;
import io.truecount.connector.webhook.WebhookEffect.SignatureKind;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** What a Connect notification means: the three envelope outcomes a contract cares about, everything else ignored. */
final class ConnectEvents {

    private ConnectEvents() {}

    static WebhookEffect effectOf(JsonNode root) {
        String event = Fields.text(root.path("event"));
        JsonNode data = root.path("data");
        JsonNode summary = data.path("envelopeSummary");
        Instant generated = instant(Fields.text(root.path("generatedDateTime")), "generatedDateTime");
        SignatureKind kind = kindOf(event);
        if (kind == null) {
            return new WebhookEffect.Ignored("DocuSign event " + event, generated);
        }
        String envelopeId = DocuSignReceiver.envelopeId(data);
        if (envelopeId == null) {
            throw new IllegalArgumentException("DocuSign " + event + " without data.envelopeId");
        }
        // envelopeSummary is there only when the Connect configuration includes data; without it the notification
        // time is the best there is.
        String when = Fields.text(summary.path(timeField(kind)));
        Instant occurredAt = when == null ? generated : instant(when, timeField(kind));
        return new WebhookEffect.Signature(kind, envelopeId, occurredAt, signer(kind, summary));
    }

    private static SignatureKind kindOf(String event) {
        if (event == null) {
            return null;
        }
        return switch (event) {
            case "envelope-completed" -> SignatureKind.COMPLETED;
            case "envelope-declined" -> SignatureKind.DECLINED;
            case "envelope-voided" -> SignatureKind.VOIDED;
            default -> null;
        };
    }

    private static String timeField(SignatureKind kind) {
        return switch (kind) {
            case COMPLETED -> "completedDateTime";
            case DECLINED -> "declinedDateTime";
            case VOIDED -> "voidedDateTime";
        };
    }

    /**
     * Who declined (the signer whose status is {@code declined}), or who signed last; null when the notification
     * carries no recipients or the envelope was voided (voiding is the sender's act).
     */
    private static String signer(SignatureKind kind, JsonNode summary) {
        if (kind == SignatureKind.VOIDED) {
            return null;
        }
        JsonNode chosen = null;
        Instant latest = null;
        for (JsonNode signer : summary.path("recipients").path("signers")) {
            String status = Fields.text(signer.path("status"));
            if (kind == SignatureKind.DECLINED && "declined".equalsIgnoreCase(status)) {
                return describe(signer);
            }
            String signed = Fields.text(signer.path("signedDateTime"));
            if (kind == SignatureKind.COMPLETED && signed != null) {
                Instant at = instant(signed, "signedDateTime");
                if (latest == null || at.isAfter(latest)) {
                    latest = at;
                    chosen = signer;
                }
            }
        }
        return chosen == null ? null : describe(chosen);
    }

    private static String describe(JsonNode signer) {
        String name = Fields.text(signer.path("name"));
        String email = Fields.text(signer.path("email"));
        if (name != null && email != null) {
            return name + " <" + email + ">";
        }
        return name != null ? name : email;
    }

    /** DocuSign writes UTC with up to seven fractional digits, and older accounts without an offset. */
    static Instant instant(String text, String field) {
        if (text == null) {
            throw new IllegalArgumentException("DocuSign notification without " + field);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("DocuSign " + field + " is not a date and time: '" + text + "'");
            }
        }
    }
}
