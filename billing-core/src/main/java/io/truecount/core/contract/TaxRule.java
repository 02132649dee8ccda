package io.truecount.core.contract;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A customer's tax: a percent rate and its UBL / EN 16931 tax category code ({@code S} standard, {@code Z} zero
 * rated, {@code E} exempt).
 *
 * @param exemptionReason why an {@code E} category is exempt (EN 16931 BR-E-10); null for other categories
 */
public record TaxRule(BigDecimal ratePercent, String category, String exemptionReason) {

    /** What a customer without a {@code tax:} block gets: zero rated. */
    public static final TaxRule NONE = new TaxRule(BigDecimal.ZERO, "Z", null);

    public TaxRule {
        Objects.requireNonNull(ratePercent, "ratePercent");
        Objects.requireNonNull(category, "category");
    }
}
