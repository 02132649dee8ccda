package io.truecount.sim.esign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.connector.webhook.Signatures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Dropbox Sign account callbacks: {@code multipart/form-data} with one field {@code json}, whose
 * {@code event.event_hash} = hex(HMAC-SHA256(api key, event_time + event_type)).
 */
public final class DropboxSignDeliveries {

    /** The exact body Dropbox Sign needs back, or it retries for about three days. */
    public static final String ACKNOWLEDGEMENT = "Hello API Event Received";

    public static final String SIGNER_NAME = "Pat Lee";
    public static final String SIGNER_EMAIL = "ceo@acme.example";
    public static final String ACCOUNT_ID = "63522885f9261e2b04eea043933ee7313eb674fd";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String apiKey;

    public DropboxSignDeliveries(String apiKey) {
        this.apiKey = apiKey;
    }

    public SignedDelivery allSigned(String signatureRequestId, String contractId, Instant at) {
        return event("signature_request_all_signed", signatureRequestId, contractId, at);
    }

    public SignedDelivery declined(String signatureRequestId, String contractId, Instant at) {
        return event("signature_request_declined", signatureRequestId, contractId, at);
    }

    public SignedDelivery canceled(String signatureRequestId, String contractId, Instant at) {
        return event("signature_request_canceled", signatureRequestId, contractId, at);
    }

    public SignedDelivery expired(String signatureRequestId, String contractId, Instant at) {
        return event("signature_request_expired", signatureRequestId, contractId, at);
    }

    /** The ping Dropbox Sign sends when the callback URL is saved; it names no signature request. */
    public SignedDelivery callbackTest(Instant at) {
        ObjectNode root = JSON.createObjectNode();
        header(root, "callback_test", at).putNull("related_signature_id");
        return multipart(root);
    }

    public SignedDelivery event(String eventType, String signatureRequestId, String contractId, Instant at) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode metadata = header(root, eventType, at);
        boolean signedEvent = eventType.equals("signature_request_declined") || eventType.endsWith("_signed");
        metadata.put("related_signature_id", signedEvent ? "78caf2a1d01cd39cea2bc1cbb340dac3" : null);
        ObjectNode request = root.putObject("signature_request");
        request.put("signature_request_id", signatureRequestId);
        request.put("title", "Managed services agreement " + contractId);
        request.put("subject", "Managed services agreement " + contractId);
        request.putObject("metadata").put("msp_contract_id", contractId);
        request.put("created_at", at.getEpochSecond() - 86_400);
        request.put("is_complete", eventType.equals("signature_request_all_signed"));
        request.put("is_declined", eventType.equals("signature_request_declined"));
        request.put("has_error", false);
        request.put("details_url", "https://app.hellosign.com/home/manage?guid=" + signatureRequestId);
        ObjectNode signature = request.putArray("signatures").addObject();
        signature.put("signature_id", "78caf2a1d01cd39cea2bc1cbb340dac3");
        signature.put("signer_email_address", SIGNER_EMAIL);
        signature.put("signer_name", SIGNER_NAME);
        switch (eventType) {
            case "signature_request_all_signed", "signature_request_signed" -> {
                signature.put("status_code", "signed");
                signature.put("signed_at", at.getEpochSecond() - 1);
            }
            case "signature_request_declined" -> {
                signature.put("status_code", "declined");
                signature.putNull("signed_at");
            }
            default -> {
                signature.put("status_code", "awaiting_signature");
                signature.putNull("signed_at");
            }
        }
        return multipart(root);
    }

    /** The inbox id the {@code dropbox-sign} receiver gives an event about a signature request. */
    public static String eventId(String eventType, String signatureRequestId, Instant at) {
        return signatureRequestId + "/" + eventType + "/" + at.getEpochSecond();
    }

    private ObjectNode header(ObjectNode root, String eventType, Instant at) {
        String time = Long.toString(at.getEpochSecond());
        ObjectNode event = root.putObject("event");
        event.put("event_time", time);
        event.put("event_type", eventType);
        event.put(
                "event_hash",
                Signatures.hex(Signatures.hmacSha256(apiKey, (time + eventType).getBytes(StandardCharsets.UTF_8))));
        ObjectNode metadata = event.putObject("event_metadata");
        metadata.put("reported_for_account_id", ACCOUNT_ID);
        metadata.putNull("reported_for_app_id");
        metadata.putNull("event_message");
        return metadata;
    }

    /** The form Dropbox Sign posts: one {@code json} part, curl-style boundary derived from the content. */
    private static SignedDelivery multipart(ObjectNode root) {
        byte[] json = DocuSignDeliveries.write(root);
        String boundary = "------------------------"
                + Signatures.hex(Signatures.hmacSha256("boundary", json)).substring(0, 16);
        String contentType = "multipart/form-data; boundary=" + boundary;
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n"
                + new String(json, StandardCharsets.UTF_8) + "\r\n--" + boundary + "--\r\n";
        return new SignedDelivery(
                Map.of("Content-Type", contentType, "User-Agent", "HelloSign API"),
                Map.of(),
                contentType,
                body.getBytes(StandardCharsets.UTF_8));
    }
}
