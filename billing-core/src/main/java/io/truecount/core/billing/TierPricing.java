package io.truecount.core.billing;

import io.truecount.core.contract.TieredLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly price of a quantity under a tiered line, unrounded. Tier bounds are inclusive: with {@code up-to: 10}, the
 * 10th unit is in the first tier and the 11th in the second.
 */
final class TierPricing {

    /** The unrounded monthly amount and the parts it is made of ("10 × 10.00"), for the invoice text. */
    record Priced(BigDecimal amount, BigDecimal volumePrice, List<String> parts) {}

    private TierPricing() {}

    static Priced price(TieredLine line, BigDecimal quantity) {
        return line.mode() == TieredLine.Mode.VOLUME ? volume(line, quantity) : graduated(line, quantity);
    }

    /** Every unit at the price of the tier the whole quantity falls in. */
    private static Priced volume(TieredLine line, BigDecimal quantity) {
        for (TieredLine.Tier tier : line.tiers()) {
            if (tier.upTo() == null || quantity.compareTo(tier.upTo()) <= 0) {
                return new Priced(quantity.multiply(tier.unitPrice()), tier.unitPrice(), List.of());
            }
        }
        throw new IllegalStateException("tiers end with an open tier");
    }

    /** Each unit at the price of the tier it falls in. */
    private static Priced graduated(TieredLine line, BigDecimal quantity) {
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal below = BigDecimal.ZERO;
        List<String> parts = new ArrayList<>();
        for (TieredLine.Tier tier : line.tiers()) {
            if (quantity.compareTo(below) <= 0) {
                break;
            }
            BigDecimal top = tier.upTo() == null ? quantity : quantity.min(tier.upTo());
            BigDecimal units = top.subtract(below);
            amount = amount.add(units.multiply(tier.unitPrice()));
            parts.add(units.toPlainString() + " × " + tier.unitPrice().toPlainString());
            below = top;
        }
        return new Priced(amount, null, parts);
    }
}
