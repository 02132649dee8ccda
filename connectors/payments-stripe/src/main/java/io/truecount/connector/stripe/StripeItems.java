package io.truecount.connector.stripe;

import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.money.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * The invoice items one of our invoices becomes: line n (1-based) tagged {@code n}, and our tax amount as one more
 * item tagged {@value StripeSink#TAX_TAG}, because Stripe computes no tax of its own here and its total must equal ours
 * to the minor unit.
 *
 * @param totalMinor our total in minor units: what Stripe's invoice total must come to
 */
record StripeItems(List<Item> items, long totalMinor) {

    /** @param tag the {@code metadata[truecount_line]} value and the idempotency key suffix */
    record Item(String tag, ItemPricing pricing) {}

    static StripeItems of(Invoice invoice) {
        int scale = Money.scale(invoice.currency());
        List<Item> items = new ArrayList<>();
        List<InvoiceLine> lines = invoice.lines();
        for (int i = 0; i < lines.size(); i++) {
            items.add(new Item(Integer.toString(i + 1), ItemPricing.of(lines.get(i), scale)));
        }
        if (invoice.taxAmount().signum() != 0) {
            String label = "Sales tax "
                    + invoice.tax().ratePercent().stripTrailingZeros().toPlainString() + "%";
            items.add(new Item(StripeSink.TAX_TAG, ItemPricing.whole(invoice.taxAmount(), scale, label)));
        }
        long total = invoice.total().movePointRight(scale).longValueExact();
        long sum =
                items.stream().mapToLong(item -> item.pricing().minorAmount()).sum();
        if (sum != total) {
            // Only an invoice whose lines do not add up to its own total gets here; never send it.
            throw new IllegalArgumentException("invoice " + invoice.number() + " lines and tax sum to " + sum
                    + " minor units but its total is " + total);
        }
        return new StripeItems(List.copyOf(items), total);
    }
}
