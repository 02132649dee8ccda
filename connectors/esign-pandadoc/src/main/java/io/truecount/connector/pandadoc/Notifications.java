package io.truecount.connector.pandadoc;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.json.Fields;
import io.truecount.connector.webhook.WebhookEffect;
import io.truecount.connector.webhook.WebhookEffect.SignatureKind;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** What a PandaDoc notification means: only a document's change to a final state matters to a contract. */
final class Notifications {

    private Notifications() {}

    static WebhookEffect effectOf(JsonNode notification) {
        String event = Fields.text(notification.path("event"));
        JsonNode data = notification.path("data");
        String status = Fields.text(data.path("status"));
        Instant occurredAt = instant(Fields.firstPresent(data, "date_modified", "date_completed", "date_created"));
        SignatureKind kind = "document_state_changed".equals(event) ? kindOf(status) : null;
        if (kind == null) {
            return new WebhookEffect.Ignored("PandaDoc " + event + (status == null ? "" : " " + status), occurredAt);
        }
        String documentId = Fields.text(data.path("id"));
        if (documentId == null) {
            throw new IllegalArgumentException("PandaDoc " + status + " without data.id");
        }
        return new WebhookEffect.Signature(kind, documentId, occurredAt, actor(data.path("action_by")));
    }

    private static SignatureKind kindOf(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "document.completed" -> SignatureKind.COMPLETED;
            case "document.declined", "document.rejected" -> SignatureKind.DECLINED;
            case "document.voided", "document.cancelled", "document.expired" -> SignatureKind.VOIDED;
            default -> null;
        };
    }

    /** Who changed the state ({@code action_by}), when the notification says. */
    private static String actor(JsonNode actionBy) {
        String email = Fields.text(actionBy.path("email"));
        String first = Fields.text(actionBy.path("first_name"));
        String last = Fields.text(actionBy.path("last_name"));
        String name = first == null ? last : last == null ? first : first + " " + last;
        if (name != null && email != null) {
            return name + " <" + email + ">";
        }
        return name != null ? name : email;
    }

    /** PandaDoc writes UTC with microseconds ({@code 2026-05-13T15:00:00.123456Z}). */
    private static Instant instant(String text) {
        if (text == null) {
            throw new IllegalArgumentException("PandaDoc notification without date_modified");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("PandaDoc date is not a date and time: '" + text + "'");
            }
        }
    }
}
