package io.truecount.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.webhook.InboundEvent;
import io.truecount.connector.webhook.WebhookEffect;
import io.truecount.connector.webhook.WebhookEffect.Payment;
import io.truecount.connector.webhook.WebhookEffect.PaymentKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Events in the shapes of Stripe's fixtures (vendor-specs/stripe/fixtures3.json), trimmed. */
class StripeEventInterpreterTest {

    private static final long CREATED = 1_772_438_400L;

    private final StripeEventInterpreter interpreter = new StripeEventInterpreter();

    private static InboundEvent event(String id, String type, String object) {
        return InboundEvent.of(
                id,
                type,
                "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"" + StripeApi.VERSION
                        + "\",\"created\":" + CREATED + ",\"livemode\":false,\"pending_webhooks\":1,"
                        + "\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"" + type
                        + "\",\"data\":{\"object\":" + object + "}}");
    }

    @Test
    void invoicePaid_isPaidWithOurNumberChargeAndMajorUnits() {
        String invoice = "{\"id\":\"in_1\",\"object\":\"invoice\",\"customer\":\"cus_1\",\"status\":\"paid\","
                + "\"currency\":\"usd\",\"amount_due\":123457,\"amount_paid\":123457,\"amount_remaining\":0,"
                + "\"charge\":\"ch_9\",\"metadata\":{\"truecount_invoice\":\"ZY-2026-03-0001\"}}";

        WebhookEffect effect = interpreter.interpret(event("evt_1", "invoice.paid", invoice));

        assertThat(effect)
                .isEqualTo(new Payment(
                        PaymentKind.PAID,
                        "ZY-2026-03-0001",
                        "in_1",
                        "ch_9",
                        new BigDecimal("1234.57"),
                        Currency.getInstance("USD"),
                        Instant.ofEpochSecond(CREATED),
                        null));
    }

    @Test
    void invoicePaid_newerApiVersion_readsTheChargeFromExpandedPayments_jpyHasNoDecimals() {
        String invoice = "{\"id\":\"in_2\",\"object\":\"invoice\",\"currency\":\"jpy\",\"amount_paid\":5000,"
                + "\"payments\":{\"data\":[{\"payment\":{\"type\":\"charge\",\"charge\":\"ch_7\"}}]},"
                + "\"metadata\":{}}";

        Payment paid = (Payment) interpreter.interpret(event("evt_2", "invoice.paid", invoice));

        assertThat(paid.chargeId()).isEqualTo("ch_7");
        assertThat(paid.amount()).isEqualTo(new BigDecimal("5000"));
        assertThat(paid.invoiceNumber()).isNull();
    }

    @Test
    void paymentFailed_isFailedWithAttemptDetail() {
        String invoice = "{\"id\":\"in_3\",\"object\":\"invoice\",\"currency\":\"eur\",\"amount_due\":1000,"
                + "\"amount_paid\":0,\"attempt_count\":2,\"next_payment_attempt\":1772524800,"
                + "\"last_finalization_error\":{\"type\":\"card_error\",\"code\":\"card_declined\"},"
                + "\"metadata\":{\"truecount_invoice\":\"ZY-7\"}}";

        Payment failed = (Payment) interpreter.interpret(event("evt_3", "invoice.payment_failed", invoice));

        assertThat(failed.kind()).isEqualTo(PaymentKind.FAILED);
        assertThat(failed.invoiceNumber()).isEqualTo("ZY-7");
        assertThat(failed.amount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(failed.detail()).isEqualTo("card_declined, attempt 2, next attempt 2026-03-03T08:00:00Z");
    }

    @Test
    void chargeRefunded_namesTheInvoiceAndCharge() {
        String charge = "{\"id\":\"ch_9\",\"object\":\"charge\",\"amount\":123457,\"amount_refunded\":5000,"
                + "\"currency\":\"usd\",\"invoice\":\"in_1\",\"refunded\":false,\"metadata\":{},"
                + "\"refunds\":{\"object\":\"list\",\"data\":[{\"id\":\"re_1\",\"reason\":\"requested_by_customer\"}]}}";

        Payment refunded = (Payment) interpreter.interpret(event("evt_4", "charge.refunded", charge));

        assertThat(refunded.kind()).isEqualTo(PaymentKind.REFUNDED);
        assertThat(refunded.externalId()).isEqualTo("in_1");
        assertThat(refunded.chargeId()).isEqualTo("ch_9");
        assertThat(refunded.amount()).isEqualTo(new BigDecimal("50.00"));
        assertThat(refunded.detail()).isEqualTo("requested_by_customer");
    }

    @Test
    void disputeCreated_namesOnlyTheCharge() {
        String dispute = "{\"id\":\"dp_1\",\"object\":\"dispute\",\"amount\":1000,\"charge\":\"ch_9\","
                + "\"currency\":\"usd\",\"reason\":\"fraudulent\",\"status\":\"needs_response\",\"metadata\":{}}";

        Payment disputed = (Payment) interpreter.interpret(event("evt_5", "charge.dispute.created", dispute));

        assertThat(disputed.kind()).isEqualTo(PaymentKind.DISPUTED);
        assertThat(disputed.chargeId()).isEqualTo("ch_9");
        assertThat(disputed.externalId()).isNull();
        assertThat(disputed.amount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(disputed.detail()).isEqualTo("fraudulent");
    }

    @Test
    void otherTypes_areIgnored_withTheirTime() {
        WebhookEffect effect = interpreter.interpret(event("evt_6", "customer.created", "{\"id\":\"cus_1\"}"));

        assertThat(effect).isInstanceOf(WebhookEffect.Ignored.class);
        assertThat(effect.occurredAt()).isEqualTo(Instant.ofEpochSecond(CREATED));
    }

    @Test
    void unreadableEvents_areIllegalArguments_forTheDeadLetterQueue() {
        assertThatThrownBy(() -> interpreter.interpret(InboundEvent.of("evt_7", "invoice.paid", "{oops")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> interpreter.interpret(
                        InboundEvent.of("evt_8", "invoice.paid", "{\"id\":\"evt_8\",\"data\":{\"object\":{}}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("created");
        assertThatThrownBy(() -> interpreter.interpret(
                        event("evt_9", "invoice.paid", "{\"id\":\"in_1\",\"currency\":\"xx1\",\"amount_paid\":1}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency");
        assertThatThrownBy(() -> interpreter.interpret(event("evt_10", "invoice.paid", "null")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
