package io.truecount.connector.docusign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.webhook.InboundEvent;
import io.truecount.connector.webhook.Signatures;
import io.truecount.connector.webhook.WebhookEffect;
import io.truecount.connector.webhook.WebhookEffect.SignatureKind;
import io.truecount.connector.webhook.WebhookRejectedException;
import io.truecount.connector.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocuSignReceiverTest {

    private static final String KEY = "connect-key-2026";
    private static final String ENVELOPE = "a1b2c3d4-0000-4000-8000-000000000077";

    private final DocuSignReceiver receiver = new DocuSignReceiver(List.of(KEY));

    @Test
    void testVector_signatureOfVendorApisSection8_isAcceptedThenRefusedAsNotConnect() {
        byte[] body = "{\"id\":\"evt_test_1\",\"type\":\"invoice.paid\"}".getBytes(StandardCharsets.UTF_8);
        DocuSignReceiver withTestSecret = new DocuSignReceiver(List.of("test_secret"));

        assertThatThrownBy(() -> withTestSecret.verify(request(
                        body, Map.of("X-DocuSign-Signature-1", "UA7fHJ1CvqBRmYzbNDYITE05E+6AXQoqwn+UyM8loIU="))))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(400));
        assertThatThrownBy(() -> receiver.verify(request(
                        body, Map.of("X-DocuSign-Signature-1", "UA7fHJ1CvqBRmYzbNDYITE05E+6AXQoqwn+UyM8loIU="))))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(401));
    }

    @Test
    void signedCompletedEnvelope_givesOneEventWithEnvelopeEventAndGenerationTime() {
        byte[] body = completed(0);

        List<InboundEvent> events = receiver.verify(signed(body, KEY));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo(ENVELOPE + "/envelope-completed/2026-05-13T15:00:00.1234567Z");
            assertThat(event.type()).isEqualTo("envelope-completed");
            assertThat(event.payload()).isEqualTo(body);
        });
    }

    @Test
    void redeliveryWithHigherRetryCount_hasTheSameEventId() {
        String first = receiver.verify(signed(completed(0), KEY)).get(0).eventId();
        String retried = receiver.verify(signed(completed(3), KEY)).get(0).eventId();

        assertThat(retried).isEqualTo(first);
    }

    @Test
    void missingSignatureHeader_isUnauthorized() {
        assertThatThrownBy(() -> receiver.verify(request(completed(0), Map.of())))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("X-DocuSign-Signature");
                });
    }

    @Test
    void tamperedBody_isUnauthorized() {
        byte[] body = completed(0);
        String signature = sign(body, KEY);
        byte[] tampered = new String(body, StandardCharsets.UTF_8)
                .replace(ENVELOPE, "ffffffff-0000-4000-8000-000000000000")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> receiver.verify(request(tampered, Map.of("X-DocuSign-Signature-1", signature))))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(401));
    }

    @Test
    void severalKeysAndHeaders_anyHeaderMatchingAnyKeyIsAccepted() {
        DocuSignReceiver rotating = new DocuSignReceiver(List.of("old-key", "new-key"));
        byte[] body = completed(0);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-docusign-signature-1", sign(body, "key-we-do-not-have"));
        headers.put("X-DOCUSIGN-SIGNATURE-2", sign(body, "new-key"));

        assertThat(rotating.verify(request(body, headers))).hasSize(1);
        assertThatThrownBy(() -> rotating.verify(
                        request(body, Map.of("X-DocuSign-Signature-1", sign(body, "key-we-do-not-have")))))
                .isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void signedButNotJson_isBadRequest() {
        byte[] body = "<DocuSignEnvelopeInformation/>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> receiver.verify(signed(body, KEY)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(400));
    }

    @Test
    void completed_isCompletedAtCompletionTimeByTheLastSigner() {
        WebhookEffect effect = interpret(completed(0));

        assertThat(effect)
                .isEqualTo(new WebhookEffect.Signature(
                        SignatureKind.COMPLETED,
                        ENVELOPE,
                        Instant.parse("2026-05-13T14:59:58Z"),
                        "Pat Lee <ceo@acme.example>"));
    }

    @Test
    void declined_namesTheSignerWhoDeclined() {
        byte[] body = envelope(
                "envelope-declined",
                0,
                "\"status\":\"declined\",\"declinedDateTime\":\"2026-05-12T09:30:00.000Z\","
                        + "\"recipients\":{\"signers\":[{\"name\":\"Sam Roe\",\"email\":\"cfo@acme.example\","
                        + "\"status\":\"completed\",\"signedDateTime\":\"2026-05-12T09:00:00Z\"},{\"name\":\"Pat Lee\","
                        + "\"email\":\"ceo@acme.example\",\"status\":\"declined\",\"declinedReason\":\"price\"}]}");

        assertThat(interpret(body))
                .isEqualTo(new WebhookEffect.Signature(
                        SignatureKind.DECLINED,
                        ENVELOPE,
                        Instant.parse("2026-05-12T09:30:00Z"),
                        "Pat Lee <ceo@acme.example>"));
    }

    @Test
    void voided_isVoidedAtVoidTimeWithoutSigner() {
        byte[] body = envelope(
                "envelope-voided",
                0,
                "\"status\":\"voided\",\"voidedDateTime\":\"2026-05-11T08:00:00.000Z\",\"voidedReason\":\"replaced\"");

        assertThat(interpret(body))
                .isEqualTo(new WebhookEffect.Signature(
                        SignatureKind.VOIDED, ENVELOPE, Instant.parse("2026-05-11T08:00:00Z"), null));
    }

    @Test
    void withoutEnvelopeSummary_theNotificationTimeIsUsed() {
        byte[] body = ("{\"event\":\"envelope-completed\",\"generatedDateTime\":\"2026-05-13T15:00:00.1234567Z\","
                        + "\"data\":{\"envelopeId\":\"" + ENVELOPE + "\"}}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(interpret(body))
                .isEqualTo(new WebhookEffect.Signature(
                        SignatureKind.COMPLETED, ENVELOPE, Instant.parse("2026-05-13T15:00:00.1234567Z"), null));
    }

    @Test
    void otherEnvelopeEvents_areIgnored() {
        for (String event : List.of("envelope-sent", "envelope-delivered", "recipient-completed")) {
            assertThat(interpret(envelope(event, 0, "\"status\":\"sent\"")))
                    .isInstanceOfSatisfying(WebhookEffect.Ignored.class, ignored -> {
                        assertThat(ignored.why()).contains(event);
                        assertThat(ignored.occurredAt()).isEqualTo(Instant.parse("2026-05-13T15:00:00.1234567Z"));
                    });
        }
    }

    @Test
    void storedEventThatIsNotJson_cannotBeInterpreted() {
        assertThatThrownBy(
                        () -> receiver.interpret(InboundEvent.of("x/envelope-completed/t", "envelope-completed", "{")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private WebhookEffect interpret(byte[] body) {
        return receiver.interpret(receiver.verify(signed(body, KEY)).get(0));
    }

    private static byte[] completed(int retryCount) {
        return envelope(
                "envelope-completed",
                retryCount,
                "\"status\":\"completed\",\"completedDateTime\":\"2026-05-13T14:59:58.000Z\","
                        + "\"recipients\":{\"signers\":[{\"name\":\"Pat Lee\",\"email\":\"ceo@acme.example\","
                        + "\"status\":\"completed\",\"signedDateTime\":\"2026-05-13T14:59:57.000Z\"},"
                        + "{\"name\":\"Sam Roe\",\"email\":\"cfo@acme.example\",\"status\":\"completed\","
                        + "\"signedDateTime\":\"2026-05-13T10:00:00.000Z\"}]}");
    }

    private static byte[] envelope(String event, int retryCount, String summary) {
        return ("{\"event\":\"" + event + "\",\"apiVersion\":\"v2.1\",\"uri\":\"/restapi/v2.1/accounts/acc/envelopes/"
                        + ENVELOPE + "\",\"retryCount\":" + retryCount + ",\"configurationId\":12345,"
                        + "\"generatedDateTime\":\"2026-05-13T15:00:00.1234567Z\",\"data\":{\"accountId\":\"acc\","
                        + "\"envelopeId\":\"" + ENVELOPE + "\",\"envelopeSummary\":{" + summary + "}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String sign(byte[] body, String key) {
        return Signatures.base64(Signatures.hmacSha256(key, body));
    }

    private static WebhookRequest signed(byte[] body, String key) {
        return request(body, Map.of("X-DocuSign-Signature-1", sign(body, key)));
    }

    private static WebhookRequest request(byte[] body, Map<String, String> headers) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        all.put("Content-Type", List.of("application/json"));
        return new WebhookRequest(all, Map.of(), "application/json", body, Instant.parse("2026-05-13T15:00:01Z"));
    }
}
