package io.truecount.sim.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.Secret;
import io.truecount.connector.webhook.InboundEvent;
import io.truecount.connector.webhook.WebhookEffect.Payment;
import io.truecount.connector.webhook.WebhookEffect.PaymentKind;
import io.truecount.connector.webhook.WebhookReceiver;
import io.truecount.connector.webhook.WebhookRejectedException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The deliveries StripeEvents and the simulator build, through the real Stripe webhook receiver. */
class StripeEventsTest {

    private static final long NOW = 1_772_438_400L;

    private static WebhookReceiver receiver(Map<String, Secret> secrets) {
        ConnectorType type = ServiceLoader.load(ConnectorType.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(t -> t.name().equals("stripe"))
                .findFirst()
                .orElseThrow();
        ConnectorSettings settings = new ConnectorSettings(
                "stripe",
                "stripe",
                URI.create("http://localhost"),
                null,
                secrets,
                null,
                null,
                Map.of(),
                null,
                Map.of());
        Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
        return type.createWebhookReceiver(settings, new ConnectorRuntime(null, clock));
    }

    private static Map<String, Secret> secret(String value) {
        return Map.of("webhook-secret", new Secret(value, "test"));
    }

    @Test
    void invoicePaid_verifiesAndMeansPaid() {
        StripeInvoice invoice = StripeInvoice.of("in_1", "cus_1", "usd", 125_534, "ZY-2026-03-0001");
        StripeEvents.Delivery paid = new StripeEvents("whsec_a").invoicePaid("evt_1", invoice, NOW);
        WebhookReceiver receiver = receiver(secret("whsec_a"));

        InboundEvent event =
                receiver.verify(paid.request(Instant.ofEpochSecond(NOW))).get(0);

        assertThat(event.eventId()).isEqualTo("evt_1");
        assertThat(receiver.interpret(event))
                .isEqualTo(new Payment(
                        PaymentKind.PAID,
                        "ZY-2026-03-0001",
                        "in_1",
                        "ch_in_1",
                        new BigDecimal("1255.34"),
                        java.util.Currency.getInstance("USD"),
                        Instant.ofEpochSecond(NOW),
                        null));
    }

    @Test
    void everyBuilder_givesAnEventTheReceiverAcceptsAndUnderstands() {
        StripeInvoice invoice = StripeInvoice.of("in_2", "cus_1", "eur", 1000, "ZY-9");
        StripeEvents events = new StripeEvents("whsec_a");
        WebhookReceiver receiver = receiver(secret("whsec_a"));

        assertThat(kind(receiver, events.paymentFailed("evt_2", invoice, "card_declined", NOW)))
                .isEqualTo(PaymentKind.FAILED);
        assertThat(kind(receiver, events.chargeRefunded("evt_3", "ch_1", invoice, 500, NOW)))
                .isEqualTo(PaymentKind.REFUNDED);
        assertThat(kind(receiver, events.disputeCreated("evt_4", "ch_1", 1000, "eur", "fraudulent", NOW)))
                .isEqualTo(PaymentKind.DISPUTED);
        InboundEvent other = receiver.verify(
                        events.other("evt_5", "customer.created", NOW).request(Instant.EPOCH))
                .get(0);
        assertThat(receiver.interpret(other)).isInstanceOf(io.truecount.connector.webhook.WebhookEffect.Ignored.class);
    }

    @Test
    void rotation_aDeliverySignedWithOldAndNewSecret_passesAReceiverThatKnowsEither() {
        StripeEvents.Delivery d = new StripeEvents("whsec_old", "whsec_new")
                .invoicePaid("evt_6", StripeInvoice.of("in_3", "cus_1", "usd", 100, "ZY-1"), NOW);

        assertThat(d.signature()).matches("t=" + NOW + ",v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        assertThat(receiver(secret("whsec_new")).verify(d.request(Instant.EPOCH)))
                .hasSize(1);
        assertThat(receiver(Map.of(
                                "webhook-secrets[0]", new Secret("whsec_x", "t"),
                                "webhook-secrets[1]", new Secret("whsec_old", "t")))
                        .verify(d.request(Instant.EPOCH)))
                .hasSize(1);
    }

    @Test
    void staleResignedAndTamperedDeliveries_areRejected() {
        StripeEvents events = new StripeEvents("whsec_a");
        StripeEvents.Delivery d =
                events.invoicePaid("evt_7", StripeInvoice.of("in_4", "cus_1", "usd", 100, "ZY-2"), NOW);
        WebhookReceiver receiver = receiver(secret("whsec_a"));

        assertThatThrownBy(() -> receiver.verify(events.resign(d, NOW - 301).request(Instant.EPOCH)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(401));
        assertThat(receiver.verify(events.resign(d, NOW - 300).request(Instant.EPOCH)))
                .hasSize(1);
        assertThatThrownBy(() -> receiver.verify(
                        d.withBody(d.bodyText().replace("ZY-2", "ZY-3")).request(Instant.EPOCH)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(401));
    }

    @Test
    void simulatorPay_marksTheInvoicePaid_andReturnsItsSignedEvent() {
        try (StripeSimulator stripe = StripeSimulator.builder()
                .customer("cus_1")
                .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
                .start()) {
            // An open invoice, made through the API the way the sink makes one.
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String id = post(
                    http,
                    stripe,
                    "/v1/invoices",
                    "customer=cus_1&currency=usd&metadata%5Btruecount_invoice%5D=ZY-5",
                    "k1");
            post(
                    http,
                    stripe,
                    "/v1/invoiceitems",
                    "customer=cus_1&invoice=" + id + "&currency=usd&quantity=3&unit_amount_decimal=1000.5",
                    "k2");
            post(http, stripe, "/v1/invoices/" + id + "/finalize", "", "k3");

            StripeEvents.Delivery paid = stripe.pay(id);

            assertThat(stripe.invoices().get(0).status()).isEqualTo("paid");
            WebhookReceiver receiver = receiver(secret(stripe.webhookSecret()));
            Payment payment = (Payment) receiver.interpret(
                    receiver.verify(paid.request(Instant.EPOCH)).get(0));
            assertThat(payment.kind()).isEqualTo(PaymentKind.PAID);
            assertThat(payment.invoiceNumber()).isEqualTo("ZY-5");
            assertThat(payment.externalId()).isEqualTo(id);
            assertThat(payment.chargeId())
                    .isEqualTo(stripe.invoices().get(0).charge())
                    .startsWith("ch_");
            // 3 x 1000.5 = 3001.5 minor units, rounded half up by Stripe to 3002.
            assertThat(payment.amount()).isEqualTo(new BigDecimal("30.02"));
        }
    }

    private static PaymentKind kind(WebhookReceiver receiver, StripeEvents.Delivery d) {
        return ((Payment) receiver.interpret(
                        receiver.verify(d.request(Instant.EPOCH)).get(0)))
                .kind();
    }

    private static String post(
            java.net.http.HttpClient http, StripeSimulator stripe, String path, String form, String key) {
        try {
            java.net.http.HttpResponse<String> response = http.send(
                    java.net.http.HttpRequest.newBuilder(URI.create(stripe.baseUrl() + path))
                            .header("Authorization", "Bearer " + stripe.apiKey())
                            .header("Idempotency-Key", key)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(response.body())
                    .path("id")
                    .asText();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
