package io.truecount.connector.gocardless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.Secret;
import io.truecount.connector.webhook.InboundEvent;
import io.truecount.connector.webhook.Signatures;
import io.truecount.connector.webhook.WebhookEffect;
import io.truecount.connector.webhook.WebhookEffect.PaymentKind;
import io.truecount.connector.webhook.WebhookRejectedException;
import io.truecount.connector.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoCardlessWebhookReceiverTest {

    private static final String SECRET = "test_secret";
    private final GoCardlessWebhookReceiver receiver = new GoCardlessWebhookReceiver(new Secret(SECRET, "test"));

    private static final String BATCH =
            """
            {"events":[
            {"id":"EV001","created_at":"2026-04-02T09:15:00.123Z","resource_type":"payments","action":"confirmed",\
            "links":{"payment":"PM001"},"details":{"origin":"gocardless","cause":"payment_confirmed",\
            "description":"Payment was confirmed as collected"}},
            {"id":"EV002","created_at":"2026-04-03T10:00:00.000Z","resource_type":"payments","action":"failed",\
            "links":{"payment":"PM002"},"details":{"origin":"bank","cause":"insufficient_funds",\
            "description":"The customer's account had insufficient funds"}},
            {"id":"EV003","created_at":"2026-04-04T11:00:00.000Z","resource_type":"mandates","action":"active",\
            "links":{"mandate":"MD001"},"details":{"origin":"gocardless","cause":"mandate_activated"}}
            ]}""";

    private static WebhookRequest request(String body, String signature) {
        Map<String, List<String>> headers =
                signature == null ? Map.of() : Map.of("webhook-signature", List.of(signature));
        return new WebhookRequest(
                headers,
                Map.of(),
                "application/json",
                body.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2026-04-04T12:00:00Z"));
    }

    private static String sign(String body) {
        return Signatures.hex(Signatures.hmacSha256(SECRET, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void vendorApisTestVector_passesTheSignatureCheck_thenIsRefusedAsNotABatch() {
        String body = "{\"id\":\"evt_test_1\",\"type\":\"invoice.paid\"}";
        String vector = "500edf1c9d42bea051998cdb3436084c4d3913ee805d0a2ac27f94c8cf25a085";

        assertThatThrownBy(() -> receiver.verify(request(body, vector)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(400));
        assertThatThrownBy(() -> receiver.verify(request(body, vector.replace('5', '6'))))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(498));
    }

    @Test
    void signedBatch_becomesOneEventPerElement_withGoCardlessIdsAndTypes() {
        List<InboundEvent> events = receiver.verify(request(BATCH, sign(BATCH)));

        assertThat(events).extracting(InboundEvent::eventId).containsExactly("EV001", "EV002", "EV003");
        assertThat(events)
                .extracting(InboundEvent::type)
                .containsExactly("payments.confirmed", "payments.failed", "mandates.active");
        assertThat(events.get(1).payloadText()).contains("\"PM002\"").doesNotContain("EV001");
    }

    @Test
    void upperCaseHexSignature_isAccepted() {
        assertThat(receiver.verify(request(BATCH, sign(BATCH).toUpperCase(Locale.ROOT))))
                .hasSize(3);
    }

    @Test
    void missingOrWrongSignature_isRejectedWith498_beforeTheBodyIsRead() {
        String notJson = "not json at all";
        assertThatThrownBy(() -> receiver.verify(request(notJson, null)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(498));
        assertThatThrownBy(() -> receiver.verify(request(BATCH, sign(BATCH + " "))))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(498));
        assertThatThrownBy(() -> receiver.verify(request(BATCH, sign(BATCH).substring(1))))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(498));
    }

    @Test
    void signedButUnusableBodies_areRejectedWith400() {
        for (String body : List.of(
                "not json",
                "{\"events\":[]}",
                "{\"events\":[{\"resource_type\":\"payments\",\"action\":\"paid_out\"}]}")) {
            assertThatThrownBy(() -> receiver.verify(request(body, sign(body))))
                    .as(body)
                    .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                            .isEqualTo(400));
        }
    }

    @Test
    void paymentEvents_meanPaymentEffects_andOthersAreIgnored() {
        List<InboundEvent> events = receiver.verify(request(BATCH, sign(BATCH)));

        assertThat(receiver.interpret(events.get(0)))
                .isEqualTo(new WebhookEffect.Payment(
                        PaymentKind.PAID,
                        null,
                        "PM001",
                        null,
                        null,
                        null,
                        Instant.parse("2026-04-02T09:15:00.123Z"),
                        "Payment was confirmed as collected"));
        assertThat(receiver.interpret(events.get(1)))
                .isEqualTo(new WebhookEffect.Payment(
                        PaymentKind.FAILED,
                        null,
                        "PM002",
                        null,
                        null,
                        null,
                        Instant.parse("2026-04-03T10:00:00Z"),
                        "insufficient_funds: The customer's account had insufficient funds"));
        assertThat(receiver.interpret(events.get(2)))
                .isInstanceOfSatisfying(WebhookEffect.Ignored.class, ignored -> assertThat(ignored.occurredAt())
                        .isEqualTo(Instant.parse("2026-04-04T11:00:00Z")));
    }

    @Test
    void paidOutAndChargedBack_mapToTheirKinds_andOtherPaymentActionsAreIgnored() {
        assertThat(kindOf("paid_out")).isEqualTo(PaymentKind.PAID_OUT);
        assertThat(kindOf("charged_back")).isEqualTo(PaymentKind.DISPUTED);
        assertThat(receiver.interpret(event("submitted"))).isInstanceOf(WebhookEffect.Ignored.class);
        assertThat(receiver.interpret(event("created"))).isInstanceOf(WebhookEffect.Ignored.class);
    }

    @Test
    void storedEventsThatCannotBeUnderstood_areIllegalArguments() {
        assertThatThrownBy(() -> receiver.interpret(InboundEvent.of("EV9", "payments.confirmed", "{")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> receiver.interpret(InboundEvent.of(
                        "EV9",
                        "payments.confirmed",
                        "{\"id\":\"EV9\",\"resource_type\":\"payments\",\"action\":\"confirmed\",\"links\":{}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("created_at");
        assertThatThrownBy(() -> receiver.interpret(InboundEvent.of(
                        "EV9",
                        "payments.confirmed",
                        "{\"id\":\"EV9\",\"created_at\":\"2026-04-02T09:15:00Z\",\"resource_type\":\"payments\","
                                + "\"action\":\"confirmed\",\"links\":{}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("links.payment");
    }

    private PaymentKind kindOf(String action) {
        return ((WebhookEffect.Payment) receiver.interpret(event(action))).kind();
    }

    private static InboundEvent event(String action) {
        return InboundEvent.of(
                "EV7",
                "payments." + action,
                "{\"id\":\"EV7\",\"created_at\":\"2026-04-02T09:15:00Z\",\"resource_type\":\"payments\",\"action\":\""
                        + action + "\",\"links\":{\"payment\":\"PM7\"},\"details\":{\"cause\":\"c\"}}");
    }
}
