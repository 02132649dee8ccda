package io.truecount.sim.stripe;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A simulated Stripe invoice at one moment (the simulator replaces it as it changes).
 *
 * @param currency lower-case ISO code, as Stripe writes it
 * @param status {@code draft}, {@code open}, {@code paid}
 * @param number Stripe's own number, assigned on finalize; null while a draft
 * @param hostedInvoiceUrl assigned on finalize; null while a draft
 * @param daysUntilDue null for {@code charge_automatically}
 * @param amountPaid minor units
 * @param charge the charge that paid it ({@code ch_…}), or null
 * @param created epoch seconds
 */
public record StripeInvoice(
        String id,
        String customer,
        String currency,
        String status,
        String number,
        String hostedInvoiceUrl,
        String collectionMethod,
        Integer daysUntilDue,
        String description,
        Map<String, String> metadata,
        List<StripeLine> lines,
        long amountPaid,
        String charge,
        long created) {

    public StripeInvoice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        metadata = Map.copyOf(metadata);
        lines = List.copyOf(lines);
    }

    /**
     * An open invoice made without a simulator, for building webhook deliveries in bulk (the load bench): one line of
     * {@code totalMinor}, our number in {@code metadata[truecount_invoice]}.
     */
    public static StripeInvoice of(String id, String customer, String currency, long totalMinor, String ourNumber) {
        StripeLine line = new StripeLine(
                "il_" + id, "ii_" + id, "Services", 1, java.math.BigDecimal.valueOf(totalMinor), totalMinor, Map.of());
        return new StripeInvoice(
                id,
                customer,
                currency,
                "open",
                "SIM-" + id,
                "https://invoice.stripe.com/i/acct_sim/" + id,
                "send_invoice",
                30,
                "Invoice " + ourNumber,
                Map.of("truecount_invoice", ourNumber),
                List.of(line),
                0,
                null,
                0);
    }

    /** Sum of the lines, in minor units: Stripe's {@code subtotal} and, without Stripe tax, its {@code total}. */
    public long total() {
        return lines.stream().mapToLong(StripeLine::amount).sum();
    }

    /** Our invoice number, as the sink wrote it in {@code metadata[truecount_invoice]}. */
    public String truecountNumber() {
        return metadata.get("truecount_invoice");
    }

    /** This invoice paid in full by the charge. */
    public StripeInvoice paid(String chargeId) {
        return new StripeInvoice(
                id,
                customer,
                currency,
                "paid",
                number,
                hostedInvoiceUrl,
                collectionMethod,
                daysUntilDue,
                description,
                metadata,
                lines,
                total(),
                chargeId,
                created);
    }
}
