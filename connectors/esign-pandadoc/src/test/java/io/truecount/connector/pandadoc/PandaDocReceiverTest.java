package io.truecount.connector.pandadoc;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PandaDocReceiverTest {

    private static final String KEY = "pandadoc-shared-key";
    private static final String DOCUMENT = "msFYActMfJHqNTKH8YSvF1";
    private static final String MODIFIED = "2026-05-13T15:00:00.123456Z";

    private final PandaDocReceiver receiver = new PandaDocReceiver(KEY);

    @Test
    void testVector_signatureOfVendorApisSection8_isAcceptedThenRefusedAsNotABatch() {
        byte[] body = "{\"id\":\"evt_test_1\",\"type\":\"invoice.paid\"}".getBytes(StandardCharsets.UTF_8);
        String vector = "500edf1c9d42bea051998cdb3436084c4d3913ee805d0a2ac27f94c8cf25a085";

        assertThatThrownBy(() -> new PandaDocReceiver("test_secret").verify(request(body, vector, null)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(400));
        assertThatThrownBy(() -> receiver.verify(request(body, vector, null)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(401));
    }

    @Test
    void batchWithDeliveryHeader_givesOneEventPerNotificationNumberedInOrder() {
        byte[] body = batch(stateChanged("document.completed"), stateChanged("document.sent"));

        List<InboundEvent> events = receiver.verify(request(body, sign(body), "6f1b2c3d-delivery"));

        assertThat(events)
                .extracting(InboundEvent::eventId)
                .containsExactly("6f1b2c3d-delivery/0", "6f1b2c3d-delivery/1");
        assertThat(events).extracting(InboundEvent::type).containsOnly("document_state_changed");
        assertThat(events.get(0).payloadText()).contains("document.completed").doesNotContain("document.sent");
    }

    @Test
    void withoutDeliveryHeader_theIdIsDocumentEventStatusAndModificationTime() {
        byte[] body = batch(stateChanged("document.completed"));

        assertThat(receiver.verify(request(body, sign(body), null)))
                .singleElement()
                .satisfies(event -> assertThat(event.eventId())
                        .isEqualTo(DOCUMENT + "/document_state_changed/document.completed/" + MODIFIED));
    }

    @Test
    void upperCaseHexSignature_isAccepted() {
        byte[] body = batch(stateChanged("document.completed"));

        assertThat(receiver.verify(request(body, sign(body).toUpperCase(Locale.ROOT), null)))
                .hasSize(1);
    }

    @Test
    void missingSignature_isUnauthorized() {
        byte[] body = batch(stateChanged("document.completed"));

        assertThatThrownBy(() -> receiver.verify(request(body, null, null)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(401));
    }

    @Test
    void tamperedBody_isUnauthorized() {
        byte[] body = batch(stateChanged("document.declined"));
        byte[] tampered = batch(stateChanged("document.completed"));

        assertThatThrownBy(() -> receiver.verify(request(tampered, sign(body), null)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(401));
    }

    @Test
    void signedEmptyArray_isBadRequest() {
        byte[] body = "[]".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> receiver.verify(request(body, sign(body), null)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(400));
    }

    @Test
    void completed_isCompletedAtModificationTimeByWhoeverActed() {
        assertThat(interpret(stateChanged("document.completed")))
                .isEqualTo(new WebhookEffect.Signature(
                        SignatureKind.COMPLETED, DOCUMENT, Instant.parse(MODIFIED), "Pat Lee <ceo@acme.example>"));
    }

    @Test
    void declinedAndRejected_areDeclined() {
        for (String status : List.of("document.declined", "document.rejected")) {
            assertThat(interpret(stateChanged(status)))
                    .isInstanceOfSatisfying(WebhookEffect.Signature.class, s -> assertThat(s.kind())
                            .isEqualTo(SignatureKind.DECLINED));
        }
    }

    @Test
    void voidedCancelledAndExpired_areVoided() {
        for (String status : List.of("document.voided", "document.cancelled", "document.expired")) {
            assertThat(interpret(stateChanged(status))).isInstanceOfSatisfying(WebhookEffect.Signature.class, s -> {
                assertThat(s.kind()).isEqualTo(SignatureKind.VOIDED);
                assertThat(s.documentId()).isEqualTo(DOCUMENT);
            });
        }
    }

    @Test
    void otherStatesAndEvents_areIgnored() {
        assertThat(interpret(stateChanged("document.viewed"))).isInstanceOf(WebhookEffect.Ignored.class);
        String recipientCompleted = "{\"event\":\"recipient_completed\",\"data\":{\"id\":\"" + DOCUMENT
                + "\",\"status\":\"document.completed\",\"date_modified\":\"" + MODIFIED + "\"}}";
        assertThat(interpret(recipientCompleted))
                .isEqualTo(new WebhookEffect.Ignored(
                        "PandaDoc recipient_completed document.completed", Instant.parse(MODIFIED)));
    }

    private WebhookEffect interpret(String notification) {
        byte[] body = batch(notification);
        return receiver.interpret(
                receiver.verify(request(body, sign(body), null)).get(0));
    }

    private static String stateChanged(String status) {
        return "{\"event\":\"document_state_changed\",\"data\":{\"id\":\"" + DOCUMENT
                + "\",\"name\":\"MSA Acme Dental\","
                + "\"status\":\"" + status + "\",\"date_created\":\"2026-05-01T09:00:00.000000Z\","
                + "\"date_modified\":\"" + MODIFIED + "\",\"action_by\":{\"id\":\"u1\",\"email\":\"ceo@acme.example\","
                + "\"first_name\":\"Pat\",\"last_name\":\"Lee\"},\"recipients\":[],"
                + "\"metadata\":{\"msp_contract_id\":\"C-77\"}}}";
    }

    private static byte[] batch(String... notifications) {
        return ("[" + String.join(",", notifications) + "]").getBytes(StandardCharsets.UTF_8);
    }

    private static String sign(byte[] body) {
        return Signatures.hex(Signatures.hmacSha256(KEY, body));
    }

    private static WebhookRequest request(byte[] body, String signature, String deliveryId) {
        return new WebhookRequest(
                deliveryId == null ? Map.of() : Map.of("x-pandadoc-webhook-event-id", List.of(deliveryId)),
                signature == null ? Map.of() : Map.of("signature", signature),
                "application/json",
                body,
                Instant.parse("2026-05-13T15:00:01Z"));
    }
}
