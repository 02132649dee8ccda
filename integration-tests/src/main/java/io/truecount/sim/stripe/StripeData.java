package io.truecount.sim.stripe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulated Stripe account holds: seeded customers, invoices in creation order and their lines. Every change
 * replaces the invoice's record. Thread-safe: every method holds this object's lock.
 */
final class StripeData {

    private static final int MAX_DECIMALS = 12;

    private final Set<String> customers = new LinkedHashSet<>();
    private final Map<String, StripeInvoice> invoices = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;

    StripeData(Set<String> customers, Clock clock) {
        this.customers.addAll(customers);
        this.clock = clock;
    }

    synchronized void addCustomer(String id) {
        customers.add(id);
    }

    synchronized List<StripeInvoice> invoices() {
        return List.copyOf(invoices.values());
    }

    synchronized StripeInvoice invoice(String id) {
        StripeInvoice invoice = invoices.get(id);
        if (invoice == null) {
            throw StripeError.missing("invoice", id);
        }
        return invoice;
    }

    /** Newest first, as Stripe lists; {@code customer} null lists all. */
    synchronized List<StripeInvoice> list(String customer) {
        List<StripeInvoice> all = new ArrayList<>(invoices.values());
        java.util.Collections.reverse(all);
        return all.stream()
                .filter(i -> customer == null || customer.equals(i.customer()))
                .toList();
    }

    synchronized StripeInvoice create(Map<String, String> form) {
        String customer = required(form, "customer");
        if (!customers.contains(customer)) {
            throw StripeError.invalid("resource_missing", "customer", "No such customer: '" + customer + "'");
        }
        String collection = form.getOrDefault("collection_method", "charge_automatically");
        Integer days = null;
        if (collection.equals("send_invoice")) {
            days = Integer.valueOf(whole(form.getOrDefault("days_until_due", "30"), "days_until_due"));
        } else if (!collection.equals("charge_automatically")) {
            throw StripeError.invalid("parameter_invalid_string", "collection_method", "Invalid collection_method");
        } else if (form.containsKey("days_until_due")) {
            throw StripeError.invalid(
                    null, "days_until_due", "Invoices with `charge_automatically` cannot have `days_until_due`.");
        }
        String id = "in_sim" + ids.incrementAndGet();
        StripeInvoice invoice = new StripeInvoice(
                id,
                customer,
                currency(form.getOrDefault("currency", "usd")),
                "draft",
                null,
                null,
                collection,
                days,
                form.get("description"),
                metadata(form),
                List.of(),
                0,
                null,
                clock.instant().getEpochSecond());
        invoices.put(id, invoice);
        return invoice;
    }

    /** @return the new line; its invoice now lists it */
    synchronized StripeLine addItem(Map<String, String> form) {
        String customer = required(form, "customer");
        String invoiceId = required(form, "invoice");
        StripeInvoice invoice = invoice(invoiceId);
        if (!invoice.customer().equals(customer)) {
            throw StripeError.invalid(null, "invoice", "The invoice belongs to another customer.");
        }
        if (!invoice.status().equals("draft")) {
            throw StripeError.invalid(
                    "invoice_not_editable", "invoice", "You can only add invoice items to draft invoices.");
        }
        if (!invoice.currency().equals(currency(required(form, "currency")))) {
            throw StripeError.invalid(null, "currency", "The currency must match the invoice's " + invoice.currency());
        }
        long quantity = Long.parseLong(whole(form.getOrDefault("quantity", "1"), "quantity"));
        BigDecimal unit;
        try {
            unit = new BigDecimal(required(form, "unit_amount_decimal"));
        } catch (NumberFormatException e) {
            throw StripeError.invalid("parameter_invalid_decimal", "unit_amount_decimal", "Invalid decimal");
        }
        if (unit.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw StripeError.invalid(
                    "parameter_invalid_decimal", "unit_amount_decimal", "At most 12 decimal places are allowed.");
        }
        long amount = unit.multiply(BigDecimal.valueOf(quantity))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        long n = ids.incrementAndGet();
        StripeLine line = new StripeLine(
                "il_sim" + n, "ii_sim" + n, form.get("description"), quantity, unit, amount, metadata(form));
        List<StripeLine> lines = new ArrayList<>(invoice.lines());
        lines.add(line);
        invoices.put(invoiceId, with(invoice, invoice.status(), lines, invoice.number(), invoice.hostedInvoiceUrl()));
        return line;
    }

    synchronized StripeInvoice finalizeInvoice(String id) {
        StripeInvoice invoice = invoice(id);
        if (!invoice.status().equals("draft")) {
            throw StripeError.invalid(
                    "invoice_not_editable", null, "This invoice is already finalized, you can't re-finalize it.");
        }
        long n = ids.incrementAndGet();
        // A zero total needs no payment: Stripe marks such an invoice paid when it is finalized.
        String status = invoice.total() == 0 ? "paid" : "open";
        StripeInvoice finalized = with(
                invoice,
                status,
                invoice.lines(),
                String.format(Locale.ROOT, "SIM-%04d", n),
                "https://invoice.stripe.com/i/acct_sim/test_" + id);
        invoices.put(id, finalized);
        return finalized;
    }

    synchronized StripeInvoice pay(String id, String chargeId) {
        StripeInvoice invoice = invoice(id);
        if (!invoice.status().equals("open")) {
            throw new IllegalStateException("only an open invoice can be paid, " + id + " is " + invoice.status());
        }
        StripeInvoice paid = invoice.paid(chargeId);
        invoices.put(id, paid);
        return paid;
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    private static StripeInvoice with(
            StripeInvoice i, String status, List<StripeLine> lines, String number, String url) {
        return new StripeInvoice(
                i.id(),
                i.customer(),
                i.currency(),
                status,
                number,
                url,
                i.collectionMethod(),
                i.daysUntilDue(),
                i.description(),
                i.metadata(),
                lines,
                i.amountPaid(),
                i.charge(),
                i.created());
    }

    private static Map<String, String> metadata(Map<String, String> form) {
        Map<String, String> metadata = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("metadata[") && key.endsWith("]")) {
                metadata.put(key.substring("metadata[".length(), key.length() - 1), value);
            }
        });
        return metadata;
    }

    private static String required(Map<String, String> form, String param) {
        String value = form.get(param);
        if (value == null || value.isBlank()) {
            throw StripeError.invalid("parameter_missing", param, "Missing required param: " + param + ".");
        }
        return value;
    }

    private static String whole(String value, String param) {
        if (!value.matches("\\d{1,9}")) {
            throw StripeError.invalid("parameter_invalid_integer", param, "Invalid non-negative integer");
        }
        return value;
    }

    private static String currency(String code) {
        try {
            Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw StripeError.invalid("parameter_invalid_string", "currency", "Invalid currency: " + code);
        }
        return code.toLowerCase(Locale.ROOT);
    }
}
