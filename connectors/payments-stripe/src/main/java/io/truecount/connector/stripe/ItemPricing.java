package io.truecount.connector.stripe;

import io.truecount.core.invoice.InvoiceLine;
import java.math.BigDecimal;

/**
 * How one of our lines becomes a Stripe invoice item so that Stripe's own arithmetic,
 * {@code amount = quantity x unit_amount_decimal}, gives our amount to the minor unit. Our quantity and unit price are
 * kept when they multiply to the amount exactly; a prorated, tiered or time-based line (or a fractional quantity, which
 * Stripe's integer {@code quantity} cannot hold) is sent as one unit priced at the whole amount, and says its real
 * quantity in the description instead.
 *
 * @param quantity Stripe's whole, positive quantity
 * @param unitAmountDecimal minor units per unit ({@code 2200} for 22.00 USD), at most 12 decimals as Stripe allows
 * @param description what the customer reads
 */
record ItemPricing(long quantity, String unitAmountDecimal, String description) {

    /** Stripe's limit on decimals of {@code unit_amount_decimal}. */
    private static final int MAX_DECIMALS = 12;

    /** @param scale the currency's minor-unit decimals (2 for USD, 0 for JPY) */
    static ItemPricing of(InvoiceLine line, int scale) {
        BigDecimal quantity = line.quantity();
        BigDecimal unitPrice = line.unitPrice();
        if (unitPrice != null
                && isWholePositive(quantity)
                && quantity.multiply(unitPrice).compareTo(line.amount()) == 0) {
            BigDecimal minorUnitPrice = unitPrice.movePointRight(scale).stripTrailingZeros();
            if (minorUnitPrice.scale() <= MAX_DECIMALS) {
                return new ItemPricing(quantity.longValueExact(), plain(minorUnitPrice), line.description());
            }
        }
        return whole(line.amount(), scale, line.description() + " (" + quantityText(line) + ")");
    }

    /** One unit at the whole amount: a tax line, or a line no unit price reproduces. */
    static ItemPricing whole(BigDecimal amount, int scale, String description) {
        return new ItemPricing(1, plain(amount.movePointRight(scale).stripTrailingZeros()), description);
    }

    /** The line's amount in minor units, as Stripe will hold it. */
    long minorAmount() {
        return new BigDecimal(unitAmountDecimal)
                .multiply(BigDecimal.valueOf(quantity))
                .setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
    }

    private static boolean isWholePositive(BigDecimal quantity) {
        return quantity.signum() > 0 && quantity.stripTrailingZeros().scale() <= 0;
    }

    private static String quantityText(InvoiceLine line) {
        String quantity = plain(line.quantity().stripTrailingZeros());
        String unit =
                switch (line.unit()) {
                    case HOUR -> " h";
                    case MONTH -> quantity.equals("1") ? " month" : " months";
                    case EACH -> "";
                };
        String price = line.unitPrice() == null ? "" : " x " + plain(line.unitPrice());
        return quantity + unit + price;
    }

    private static String plain(BigDecimal value) {
        // stripTrailingZeros turns 100 into 1E+2; Stripe wants digits.
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }
}
