package io.truecount.sim.gocardless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.Secret;
import io.truecount.connector.gocardless.GoCardlessConnectorType;
import io.truecount.connector.webhook.InboundEvent;
import io.truecount.connector.webhook.WebhookEffect;
import io.truecount.connector.webhook.WebhookEffect.PaymentKind;
import io.truecount.connector.webhook.WebhookReceiver;
import io.truecount.connector.webhook.WebhookRejectedException;
import io.truecount.connector.webhook.WebhookRequest;
import io.truecount.sim.gocardless.GoCardlessEvents.Delivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's payment moves give deliveries the connector's receiver verifies and understands. */
class GoCardlessEventsTest {

    private GoCardlessSimulator gocardless;
    private WebhookReceiver receiver;
    private String paymentId;

    @BeforeEach
    void start() throws Exception {
        gocardless = GoCardlessSimulator.start();
        ConnectorSettings settings = new ConnectorSettings(
                "gc",
                "gocardless",
                URI.create(gocardless.baseUrl()),
                null,
                Map.of(
                        "access-token", new Secret(gocardless.accessToken(), "test"),
                        "webhook-secret", new Secret(gocardless.webhookSecret(), "test")),
                null,
                null,
                Map.of(),
                null,
                Map.of());
        receiver = new GoCardlessConnectorType()
                .createWebhookReceiver(settings, new ConnectorRuntime(null, Clock.systemUTC()));
        // A payment to move, created as a client would.
        HttpClient client = HttpClient.newHttpClient();
        client.send(
                HttpRequest.newBuilder(URI.create(gocardless.baseUrl() + "/payments"))
                        .header("Authorization", "Bearer " + gocardless.accessToken())
                        .header("GoCardless-Version", "2015-07-06")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"payments\":{\"amount\":1000,"
                                + "\"currency\":\"GBP\",\"links\":{\"mandate\":\"" + GoCardlessSimulator.GBP_MANDATE
                                + "\"}}}"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        paymentId = gocardless.payments().get(0).id();
    }

    @AfterEach
    void stop() {
        gocardless.close();
    }

    private static WebhookRequest request(Delivery delivery) {
        return new WebhookRequest(delivery.headers(), Map.of(), "application/json", delivery.body(), Instant.now());
    }

    @Test
    void eachMove_updatesThePayment_andGivesASignedDeliveryWithOneEffect() {
        Delivery confirmed = gocardless.confirm(paymentId);
        assertThat(gocardless.payment(paymentId).orElseThrow().status()).isEqualTo("confirmed");
        Delivery failed = gocardless.fail(paymentId, "insufficient_funds", "The account had insufficient funds");
        Delivery paidOut = gocardless.payOut(paymentId);
        Delivery chargedBack = gocardless.chargeBack(paymentId);
        assertThat(gocardless.payment(paymentId).orElseThrow().status()).isEqualTo("charged_back");

        List<WebhookEffect.Payment> effects = new ArrayList<>();
        for (Delivery delivery : List.of(confirmed, failed, paidOut, chargedBack)) {
            List<InboundEvent> events = receiver.verify(request(delivery));
            assertThat(events).hasSize(1);
            effects.add((WebhookEffect.Payment) receiver.interpret(events.get(0)));
        }

        assertThat(effects)
                .extracting(WebhookEffect.Payment::kind)
                .containsExactly(PaymentKind.PAID, PaymentKind.FAILED, PaymentKind.PAID_OUT, PaymentKind.DISPUTED);
        assertThat(effects).extracting(WebhookEffect.Payment::externalId).containsOnly(paymentId);
        assertThat(effects.get(1).detail()).isEqualTo("insufficient_funds: The account had insufficient funds");
    }

    @Test
    void aBatchOfSeveralEvents_keepsTheirIdsAndOrder() {
        Delivery confirmed = gocardless.confirm(paymentId);
        Delivery paidOut = gocardless.payOut(paymentId);
        Delivery batch = GoCardlessEvents.sign(
                gocardless.webhookSecret(),
                confirmed.events().get(0),
                paidOut.events().get(0));

        List<InboundEvent> events = receiver.verify(request(batch));

        assertThat(events)
                .extracting(InboundEvent::eventId)
                .containsExactly(
                        confirmed.events().get(0).id(), paidOut.events().get(0).id());
        assertThat(events).extracting(InboundEvent::type).containsExactly("payments.confirmed", "payments.paid_out");
        assertThat(confirmed.events().get(0).id())
                .isNotEqualTo(paidOut.events().get(0).id())
                .startsWith("EV");
    }

    @Test
    void aDeliverySignedWithAnotherSecret_isRejectedWith498() {
        Delivery confirmed = gocardless.confirm(paymentId);
        Delivery forged = GoCardlessEvents.sign("someone-elses-secret", confirmed.events());

        assertThatThrownBy(() -> receiver.verify(request(forged)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(498));
        assertThatThrownBy(() -> receiver.verify(request(confirmed.withSignature(forged.signature()))))
                .isInstanceOf(WebhookRejectedException.class);
    }
}
