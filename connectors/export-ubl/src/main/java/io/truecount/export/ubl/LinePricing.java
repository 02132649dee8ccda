package io.truecount.export.ubl;

import io.truecount.core.invoice.InvoiceLine;
import java.math.BigDecimal;

/**
 * How one line is priced in UBL so that it adds up exactly: {@code quantity x priceAmount / baseQuantity + adjustment =
 * amount}. A negative adjustment is written as a line allowance, a positive one as a line charge.
 *
 * <p>EN 16931 never checks this sum (OUTPUTS.md), and forbids negative prices (BR-27); hence the fallbacks below.
 *
 * @param baseQuantity null when the price is per unit
 * @param adjustment never more decimals than the currency has; zero when the line needs neither allowance nor charge
 */
record LinePricing(BigDecimal priceAmount, BigDecimal baseQuantity, BigDecimal adjustment) {

    /**
     * The unit price when the line has a usable one; otherwise the amount as the price of the whole quantity.
     *
     * @param scale the currency's minor-unit scale, the most decimals an allowance or charge may have
     */
    static LinePricing of(InvoiceLine line, int scale) {
        BigDecimal unitPrice = line.unitPrice();
        if (unitPrice != null && unitPrice.signum() >= 0) {
            // A prorated line (CONFIG.md, Periods) bills less than quantity x unit price; the difference is the
            // allowance. It is unusable only when the product has more decimals than the currency (1.5 h x 33.33).
            BigDecimal adjustment = line.amount().subtract(line.quantity().multiply(unitPrice));
            if (adjustment.stripTrailingZeros().scale() <= scale) {
                return new LinePricing(unitPrice, null, adjustment);
            }
        }
        return wholeQuantity(line.quantity(), line.amount());
    }

    /**
     * Lines without a single unit price (tiered, time-based) are priced for the whole quantity, so no rounded unit
     * price is invented. A correction line (negative amount) keeps a positive price and a positive base quantity.
     */
    private static LinePricing wholeQuantity(BigDecimal quantity, BigDecimal amount) {
        if (amount.signum() != 0 && amount.signum() == quantity.signum()) {
            return new LinePricing(amount.abs(), quantity.abs(), BigDecimal.ZERO);
        }
        // No price times this quantity gives this amount (a zero quantity, or signs that disagree): price 0 and carry
        // the whole amount as a charge or allowance.
        return new LinePricing(BigDecimal.ZERO, null, amount);
    }
}
