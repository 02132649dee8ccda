package io.truecount.connector.quickbooks;

import io.truecount.core.invoice.InvoiceLine;
import java.math.BigDecimal;

/**
 * One invoice line as QuickBooks will hold it. QuickBooks refuses a {@code SalesItemLineDetail} whose {@code Amount}
 * is not {@code Qty x UnitPrice} (vendor-apis.md §4.1); a prorated, tiered or time-based line bills an amount no
 * quantity-price pair of ours multiplies to, so it goes as one unit priced at its amount, and its real quantity moves
 * into the description where the customer still reads it. The amount is always ours, to the cent.
 */
record SalesLine(BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String description) {

    static SalesLine of(InvoiceLine line) {
        BigDecimal price = line.unitPrice();
        if (price != null && line.quantity().multiply(price).compareTo(line.amount()) == 0) {
            return new SalesLine(line.quantity(), price, line.amount(), line.description());
        }
        return new SalesLine(
                BigDecimal.ONE, line.amount(), line.amount(), line.description() + " (" + quantity(line) + ")");
    }

    /** "quantity 12 at 45.00", "7.5 hours", "3 months": what the one-unit line stands for. */
    private static String quantity(InvoiceLine line) {
        String quantity = line.quantity().stripTrailingZeros().toPlainString();
        String counted =
                switch (line.unit()) {
                    case HOUR -> quantity + " hours";
                    case MONTH -> quantity + " months";
                    case EACH -> "quantity " + quantity;
                };
        return line.unitPrice() == null
                ? counted
                : counted + " at " + line.unitPrice().toPlainString();
    }
}
