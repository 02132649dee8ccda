package io.truecount.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.json.Fields;
import io.truecount.connector.json.Json;
import io.truecount.connector.webhook.InboundEvent;
import io.truecount.connector.webhook.WebhookEffect;
import io.truecount.connector.webhook.WebhookEffect.Payment;
import io.truecount.connector.webhook.WebhookEffect.PaymentKind;
import io.truecount.core.money.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * What a stored Stripe event means, read from its envelope ({@code created}, {@code type}, {@code data.object}).
 * Amounts are integer minor units at Stripe; they become major units of the event's currency.
 */
final class StripeEventInterpreter {

    /** The invoice metadata key the sink writes our invoice number under. */
    static final String INVOICE_METADATA = "truecount_invoice";

    WebhookEffect interpret(InboundEvent event) {
        JsonNode root = parse(event);
        JsonNode created = root.path("created");
        if (!created.canConvertToLong()) {
            throw new IllegalArgumentException("Stripe event " + event.eventId() + " has no 'created' time");
        }
        Instant at = Instant.ofEpochSecond(created.asLong());
        JsonNode object = root.path("data").path("object");
        if (!object.isObject() && isUsed(event.type())) {
            throw new IllegalArgumentException("Stripe event " + event.eventId() + " has no data.object");
        }
        return switch (event.type()) {
            case "invoice.paid" ->
                new Payment(
                        PaymentKind.PAID,
                        invoiceNumber(object),
                        Fields.text(object.path("id")),
                        chargeOfInvoice(object),
                        amount(object, "amount_paid", event),
                        currency(object, event),
                        at,
                        null);
            case "invoice.payment_failed" ->
                new Payment(
                        PaymentKind.FAILED,
                        invoiceNumber(object),
                        Fields.text(object.path("id")),
                        chargeOfInvoice(object),
                        amount(object, "amount_due", event),
                        currency(object, event),
                        at,
                        failure(object));
            case "charge.refunded" ->
                new Payment(
                        PaymentKind.REFUNDED,
                        invoiceNumber(object),
                        Fields.text(object.path("invoice")),
                        Fields.text(object.path("id")),
                        amount(object, "amount_refunded", event),
                        currency(object, event),
                        at,
                        refundReason(object));
            case "charge.dispute.created" ->
                new Payment(
                        PaymentKind.DISPUTED,
                        null,
                        null,
                        Fields.text(object.path("charge")),
                        amount(object, "amount", event),
                        currency(object, event),
                        at,
                        Fields.text(object.path("reason")));
            default -> new WebhookEffect.Ignored("Stripe event type " + event.type() + " is not used by Truecount", at);
        };
    }

    private static boolean isUsed(String type) {
        return List.of("invoice.paid", "invoice.payment_failed", "charge.refunded", "charge.dispute.created")
                .contains(type);
    }

    private static JsonNode parse(InboundEvent event) {
        try {
            return Json.parse(event.payload());
        } catch (IOException e) {
            throw new IllegalArgumentException("Stripe event " + event.eventId() + " is not JSON");
        }
    }

    private static String invoiceNumber(JsonNode object) {
        return Fields.text(object.path("metadata").path(INVOICE_METADATA));
    }

    /**
     * The invoice's {@code charge} (API versions before 2025-03-31.basil); newer versions list payments instead, and
     * carry the charge only when the payment is expanded.
     */
    private static String chargeOfInvoice(JsonNode invoice) {
        String charge = Fields.text(invoice.path("charge"));
        if (charge != null) {
            return charge;
        }
        for (JsonNode payment : invoice.path("payments").path("data")) {
            String expanded = Fields.text(payment.path("payment").path("charge"));
            if (expanded != null) {
                return expanded;
            }
        }
        return null;
    }

    private static BigDecimal amount(JsonNode object, String field, InboundEvent event) {
        JsonNode minor = object.path(field);
        if (minor.isMissingNode() || minor.isNull()) {
            return null;
        }
        if (!minor.canConvertToLong()) {
            throw new IllegalArgumentException(
                    "Stripe event " + event.eventId() + ": '" + field + "' is not a whole number of minor units");
        }
        Currency currency = currency(object, event);
        int scale = currency == null ? 2 : Money.scale(currency);
        return BigDecimal.valueOf(minor.asLong()).movePointLeft(scale).setScale(scale);
    }

    private static Currency currency(JsonNode object, InboundEvent event) {
        String code = Fields.text(object.path("currency"));
        if (code == null) {
            return null;
        }
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("Stripe event " + event.eventId() + ": unknown currency '" + code + "'");
        }
    }

    /** Why collecting failed, from what the invoice carries: its last error and its attempt count. */
    private static String failure(JsonNode invoice) {
        List<String> parts = new ArrayList<>();
        JsonNode error = invoice.path("last_finalization_error");
        String why = Fields.firstPresent(error, "code", "message", "type");
        if (why != null) {
            parts.add(why);
        }
        JsonNode attempts = invoice.path("attempt_count");
        if (attempts.canConvertToLong() && attempts.asLong() > 0) {
            parts.add("attempt " + attempts.asLong());
        }
        JsonNode next = invoice.path("next_payment_attempt");
        if (next.canConvertToLong() && !next.isNull()) {
            parts.add("next attempt " + Instant.ofEpochSecond(next.asLong()));
        }
        return parts.isEmpty() ? "payment failed" : String.join(", ", parts);
    }

    private static String refundReason(JsonNode charge) {
        for (JsonNode refund : charge.path("refunds").path("data")) {
            String reason = Fields.text(refund.path("reason"));
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }
}
