package io.truecount.sim.esign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.connector.webhook.Signatures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DocuSign Connect notifications (JSON SIM, eSignature v2.1, with {@code includeData} for recipients and custom
 * fields), signed {@code X-DocuSign-Signature-1..N} = base64(HMAC-SHA256(key, body)), one header per key.
 */
public final class DocuSignDeliveries {

    public static final String SIGNER_NAME = "Pat Lee";
    public static final String SIGNER_EMAIL = "ceo@acme.example";
    public static final String ACCOUNT_ID = "7f3b1c52-0000-4c1e-9a77-2f1d7a6e5c01";

    // Connect writes the notification time with seven fractional digits.
    private static final DateTimeFormatter GENERATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ENVELOPE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> keys;

    /** @param hmacKeys the Connect HMAC keys active on the configuration; each signs the body in its own header */
    public DocuSignDeliveries(String... hmacKeys) {
        if (hmacKeys.length == 0) {
            throw new IllegalArgumentException("Connect signs with at least one key");
        }
        this.keys = List.of(hmacKeys);
    }

    public SignedDelivery completed(String envelopeId, String contractId, Instant at) {
        return notification("envelope-completed", envelopeId, contractId, at, 0);
    }

    public SignedDelivery declined(String envelopeId, String contractId, Instant at) {
        return notification("envelope-declined", envelopeId, contractId, at, 0);
    }

    public SignedDelivery voided(String envelopeId, String contractId, Instant at) {
        return notification("envelope-voided", envelopeId, contractId, at, 0);
    }

    /** An event Truecount ignores. */
    public SignedDelivery sent(String envelopeId, String contractId, Instant at) {
        return notification("envelope-sent", envelopeId, contractId, at, 0);
    }

    /**
     * @param at when the envelope reached the state; Connect generates the notification two seconds later
     * @param retryCount 0 for the first delivery; a retry of the same notification differs only here
     */
    public SignedDelivery notification(String event, String envelopeId, String contractId, Instant at, int retryCount) {
        ObjectNode root = JSON.createObjectNode();
        root.put("event", event);
        root.put("apiVersion", "v2.1");
        root.put("uri", "/restapi/v2.1/accounts/" + ACCOUNT_ID + "/envelopes/" + envelopeId);
        root.put("retryCount", retryCount);
        root.put("configurationId", 10462311);
        root.put("generatedDateTime", GENERATED.format(at.plusSeconds(2)));
        ObjectNode data = root.putObject("data");
        data.put("accountId", ACCOUNT_ID);
        data.put("userId", "2c1f6d3e-0000-4a5b-8c9d-0e1f2a3b4c5d");
        data.put("envelopeId", envelopeId);
        summary(data.putObject("envelopeSummary"), event, envelopeId, contractId, at);
        return sign(write(root));
    }

    /** The inbox id the {@code docusign} receiver gives this notification. */
    public static String eventId(String event, String envelopeId, Instant at) {
        return envelopeId + "/" + event + "/" + GENERATED.format(at.plusSeconds(2));
    }

    private static void summary(ObjectNode summary, String event, String envelopeId, String contractId, Instant at) {
        String status = event.startsWith("envelope-") ? event.substring("envelope-".length()) : "sent";
        summary.put("status", status);
        summary.put("envelopeId", envelopeId);
        summary.put("emailSubject", "Please sign: Managed services agreement " + contractId);
        summary.put("sentDateTime", ENVELOPE_TIME.format(at.minusSeconds(86_400)));
        ObjectNode signer = summary.putObject("recipients").putArray("signers").addObject();
        signer.put("email", SIGNER_EMAIL);
        signer.put("name", SIGNER_NAME);
        signer.put("recipientId", "1");
        switch (event) {
            case "envelope-completed" -> {
                summary.put("completedDateTime", ENVELOPE_TIME.format(at));
                signer.put("status", "completed");
                signer.put("signedDateTime", ENVELOPE_TIME.format(at.minusSeconds(1)));
            }
            case "envelope-declined" -> {
                summary.put("declinedDateTime", ENVELOPE_TIME.format(at));
                signer.put("status", "declined");
                signer.put("declinedReason", "Pricing to be renegotiated");
            }
            case "envelope-voided" -> {
                summary.put("voidedDateTime", ENVELOPE_TIME.format(at));
                summary.put("voidedReason", "Replaced by a corrected agreement");
                signer.put("status", "sent");
            }
            default -> signer.put("status", "sent");
        }
        ObjectNode field =
                summary.putObject("customFields").putArray("textCustomFields").addObject();
        field.put("name", "msp_contract_id");
        field.put("value", contractId);
    }

    private SignedDelivery sign(byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("x-authorization-digest", "HMACSHA256");
        for (int i = 0; i < keys.size(); i++) {
            headers.put("X-DocuSign-Signature-" + (i + 1), Signatures.base64(Signatures.hmacSha256(keys.get(i), body)));
        }
        return new SignedDelivery(headers, Map.of(), "application/json; charset=utf-8", body);
    }

    static byte[] write(Object node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a tree Jackson built", e);
        }
    }
}
