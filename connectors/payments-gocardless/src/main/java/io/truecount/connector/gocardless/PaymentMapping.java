package io.truecount.connector.gocardless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.connector.json.Fields;
import io.truecount.connector.push.PushReceipt;
import io.truecount.connector.push.PushRequest;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.money.Money;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * An invoice as a GoCardless payment, and a payment read back as a receipt. A Direct Debit payment carries one amount
 * and no lines, so the payment is the invoice's total (tax included) in minor units: exactly what the invoice asks the
 * customer to pay, with no arithmetic left to the vendor.
 */
final class PaymentMapping {

    /** The metadata key that names our invoice; {@code find} matches on it (GoCardless: 3 keys, 50/500 chars). */
    static final String INVOICE_KEY = "truecount_invoice";

    /** GoCardless keeps keys up to this length; the push key is shortened deterministically beyond it. */
    static final int MAX_IDEMPOTENCY_KEY = 128;

    private static final int DIGEST_CHARS = 32;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, String> DASHBOARDS = Map.of(
            "api.gocardless.com", "https://manage.gocardless.com/payments/",
            "api-sandbox.gocardless.com", "https://manage-sandbox.gocardless.com/payments/");

    private PaymentMapping() {}

    /**
     * The push key itself when it fits, else its head and a digest of the whole, so that two long keys that share a
     * head still differ and a repeated push still sends the same key.
     */
    static String idempotencyKey(String pushKey) {
        if (pushKey.length() <= MAX_IDEMPOTENCY_KEY) {
            return pushKey;
        }
        String head = pushKey.substring(0, MAX_IDEMPOTENCY_KEY - DIGEST_CHARS - 1);
        return head + "-" + sha256(pushKey).substring(0, DIGEST_CHARS);
    }

    /**
     * The {@code POST /payments} body; field order is fixed, so the same push always sends the same bytes.
     *
     * @throws IllegalArgumentException when the invoice cannot be collected as one payment
     */
    static ObjectNode body(PushRequest request) {
        Invoice invoice = request.invoice();
        ObjectNode payment = NODES.objectNode();
        payment.put("amount", minorUnits(invoice));
        payment.put("currency", invoice.currency().getCurrencyCode());
        payment.put("description", description(invoice));
        // No "reference": its length depends on the scheme (Bacs 10, Autogiro 11, SEPA 140) and Bacs needs the MSP's
        // own Service User Number for it. No "charge_date": GoCardless collects on the earliest date the mandate
        // allows.
        payment.putObject("metadata").put(INVOICE_KEY, invoice.number());
        payment.putObject("links").put("mandate", request.accountId());
        ObjectNode envelope = NODES.objectNode();
        envelope.set("payments", payment);
        return envelope;
    }

    static String description(Invoice invoice) {
        return "Invoice " + invoice.number() + ", " + invoice.periodStart() + " to " + invoice.periodEnd();
    }

    /**
     * The total in the currency's minor unit (pence, cents), after checking that the total is what the lines and the
     * tax add up to: a payment takes money from a bank account, so an inconsistent invoice is refused, not charged.
     */
    static long minorUnits(Invoice invoice) {
        BigDecimal lines = invoice.lines().stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (lines.compareTo(invoice.subtotal()) != 0
                || invoice.subtotal().add(invoice.taxAmount()).compareTo(invoice.total()) != 0) {
            throw new IllegalArgumentException("invoice " + invoice.number() + " does not add up: lines " + lines
                    + ", subtotal " + invoice.subtotal() + ", tax " + invoice.taxAmount() + ", total "
                    + invoice.total());
        }
        if (invoice.total().signum() <= 0) {
            throw new IllegalArgumentException("invoice " + invoice.number() + " totals " + invoice.total() + " "
                    + invoice.currency() + "; a Direct Debit payment must be positive");
        }
        BigDecimal exact;
        try {
            exact = invoice.total().setScale(Money.scale(invoice.currency()));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("invoice " + invoice.number() + " total " + invoice.total()
                    + " has more decimals than " + invoice.currency() + " allows");
        }
        return exact.unscaledValue().longValueExact();
    }

    /**
     * What differs between a payment GoCardless holds and the one this push would create; empty when it is the same
     * payment. A payment created by an earlier attempt of the same push must match, or the invoice changed after it
     * was sent.
     */
    static List<String> differences(JsonNode payment, PushRequest request) {
        JsonNode wanted = body(request).path("payments");
        List<String> differences = new ArrayList<>();
        compare(differences, "amount", payment.path("amount"), wanted.path("amount"));
        compare(differences, "currency", payment.path("currency"), wanted.path("currency"));
        compare(differences, "mandate", payment.path("links").path("mandate"), request.accountId());
        compare(
                differences,
                "metadata." + INVOICE_KEY,
                payment.path("metadata").path(INVOICE_KEY),
                wanted.path("metadata").path(INVOICE_KEY));
        return differences;
    }

    /** The payment's {@code PM…} id; a dashboard link when the base URL is GoCardless's own live or sandbox host. */
    static PushReceipt receipt(JsonNode payment, URI baseUrl) {
        String id = Fields.text(payment.path("id"));
        if (id == null) {
            throw new IllegalArgumentException("GoCardless answered a payment without an id");
        }
        String dashboard = baseUrl.getHost() == null ? null : DASHBOARDS.get(baseUrl.getHost());
        return new PushReceipt(id, null, dashboard == null ? null : dashboard + id);
    }

    private static void compare(List<String> differences, String field, JsonNode held, JsonNode wanted) {
        compare(differences, field, held, Fields.text(wanted));
    }

    private static void compare(List<String> differences, String field, JsonNode held, String wanted) {
        String actual = Fields.text(held);
        if (!wanted.equals(actual)) {
            differences.add(field + " is " + actual + ", not " + wanted);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
