package io.truecount.sim.esign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.connector.webhook.Signatures;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * PandaDoc webhook deliveries: a JSON array of notifications, {@code ?signature=} = hex(HMAC-SHA256(shared key,
 * body)) appended to the URL, and the delivery id in {@code X-PandaDoc-Webhook-Event-Id}.
 */
public final class PandaDocDeliveries {

    public static final String EVENT_ID_HEADER = "X-PandaDoc-Webhook-Event-Id";
    public static final String SIGNER_EMAIL = "ceo@acme.example";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String key;

    public PandaDocDeliveries(String webhookKey) {
        this.key = webhookKey;
    }

    public SignedDelivery completed(String documentId, String contractId, Instant at) {
        return single(stateChanged(documentId, contractId, "document.completed", at));
    }

    public SignedDelivery declined(String documentId, String contractId, Instant at) {
        return single(stateChanged(documentId, contractId, "document.declined", at));
    }

    public SignedDelivery voided(String documentId, String contractId, Instant at) {
        return single(stateChanged(documentId, contractId, "document.voided", at));
    }

    /** One {@code document_state_changed} notification, for {@link #batch}. */
    public ObjectNode stateChanged(String documentId, String contractId, String status, Instant at) {
        ObjectNode notification = JSON.createObjectNode();
        notification.put("event", "document_state_changed");
        ObjectNode data = notification.putObject("data");
        data.put("id", documentId);
        data.put("name", "Managed services agreement " + contractId);
        data.put("status", status);
        data.put("date_created", TIME.format(at.minusSeconds(86_400)));
        data.put("date_modified", TIME.format(at));
        ObjectNode actor = data.putObject("action_by");
        actor.put("id", "FyXaS4SlT2FY7uLJqKMXAm");
        actor.put("email", SIGNER_EMAIL);
        actor.put("first_name", "Pat");
        actor.put("last_name", "Lee");
        ObjectNode recipient = data.putArray("recipients").addObject();
        recipient.put("email", SIGNER_EMAIL);
        recipient.put("first_name", "Pat");
        recipient.put("last_name", "Lee");
        recipient.put("recipient_type", "signer");
        recipient.put("has_completed", status.equals("document.completed"));
        data.putObject("metadata").put("msp_contract_id", contractId);
        return notification;
    }

    /**
     * Several notifications in one POST.
     *
     * @param deliveryId the {@code X-PandaDoc-Webhook-Event-Id}, or null to send none
     */
    public SignedDelivery batch(String deliveryId, ObjectNode... notifications) {
        ArrayNode array = JSON.createArrayNode();
        for (ObjectNode notification : notifications) {
            array.add(notification);
        }
        byte[] body = DocuSignDeliveries.write(array);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (deliveryId != null) {
            headers.put(EVENT_ID_HEADER, deliveryId);
        }
        return new SignedDelivery(
                headers,
                Map.of("signature", Signatures.hex(Signatures.hmacSha256(key, body))),
                "application/json",
                body);
    }

    /** The delivery id of a single notification: stable, so a redelivery repeats it as PandaDoc does. */
    public static String deliveryId(ObjectNode notification) {
        return UUID.nameUUIDFromBytes(DocuSignDeliveries.write(notification)).toString();
    }

    private SignedDelivery single(ObjectNode notification) {
        return batch(deliveryId(notification), notification);
    }
}
