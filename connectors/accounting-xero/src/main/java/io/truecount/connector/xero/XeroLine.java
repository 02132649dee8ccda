package io.truecount.connector.xero;

import io.truecount.core.invoice.InvoiceLine;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One of our invoice lines as a Xero {@code LineItem}, priced so that Xero's own arithmetic gives our amount: with
 * {@code unitdp=4} Xero computes {@code LineAmount = round(Quantity x UnitAmount)} to the currency's minor unit.
 *
 * @param taxAmount set later by {@link TaxShares}; null until then
 */
record XeroLine(
        String description,
        BigDecimal quantity,
        BigDecimal unitAmount,
        BigDecimal lineAmount,
        String taxType,
        BigDecimal taxAmount) {

    /** Xero keeps quantities and, with {@code unitdp=4}, unit amounts to four decimals. */
    static final int XERO_DECIMALS = 4;

    /**
     * Our quantity and unit price when Xero's product of them rounds to our amount; otherwise quantity 1 at the whole
     * amount, with the quantity moved into the description, so no rounded unit price is invented (a prorated,
     * tiered or time-based line).
     *
     * @param scale the currency's minor-unit scale
     */
    static XeroLine of(InvoiceLine line, int scale, String taxType) {
        BigDecimal quantity = line.quantity();
        BigDecimal unitPrice = line.unitPrice();
        if (unitPrice != null
                && fits(quantity)
                && fits(unitPrice)
                && quantity.multiply(unitPrice)
                                .setScale(scale, RoundingMode.HALF_UP)
                                .compareTo(line.amount())
                        == 0) {
            return new XeroLine(line.description(), quantity, unitPrice, line.amount(), taxType, null);
        }
        return new XeroLine(describe(line), BigDecimal.ONE, line.amount(), line.amount(), taxType, null);
    }

    XeroLine withTaxAmount(BigDecimal amount) {
        return new XeroLine(description, quantity, unitAmount, lineAmount, taxType, amount);
    }

    private static boolean fits(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= XERO_DECIMALS;
    }

    /** "Backup (7.5 hours)", "Managed workstation (quantity 18 at 45.00)": what the customer was billed for. */
    private static String describe(InvoiceLine line) {
        String quantity = line.quantity().stripTrailingZeros().toPlainString();
        boolean one = line.quantity().compareTo(BigDecimal.ONE) == 0;
        String counted =
                switch (line.unit()) {
                    case HOUR -> quantity + (one ? " hour" : " hours");
                    case MONTH -> quantity + (one ? " month" : " months");
                    case EACH -> "quantity " + quantity;
                };
        String price = line.unitPrice() == null ? "" : " at " + line.unitPrice().toPlainString();
        return line.description() + " (" + counted + price + ")";
    }
}
