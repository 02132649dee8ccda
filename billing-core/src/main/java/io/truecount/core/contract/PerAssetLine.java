package io.truecount.core.contract;

import io.truecount.core.observation.AssetClass;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * A unit price per counted asset of some classes, per month.
 *
 * @param minimumQuantity billed at least this many (null: no minimum)
 * @param contractedQuantity what the customer signed for; a different observed count is reported, not billed
 *     differently (null: nothing to compare)
 * @param count which count of the period is billed
 */
public record PerAssetLine(
        String id,
        String description,
        boolean taxable,
        Set<AssetClass> assetClasses,
        BigDecimal unitPrice,
        BigDecimal minimumQuantity,
        BigDecimal contractedQuantity,
        CountMode count)
        implements ContractLine {

    public PerAssetLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(count, "count");
        assetClasses = Set.copyOf(assetClasses);
        if (assetClasses.isEmpty()) {
            throw new IllegalArgumentException("line " + id + " names no asset class");
        }
    }

    /** A line that bills the count at the as-of instant, as CONFIG.md's default. */
    public PerAssetLine(
            String id,
            String description,
            boolean taxable,
            Set<AssetClass> assetClasses,
            BigDecimal unitPrice,
            BigDecimal minimumQuantity,
            BigDecimal contractedQuantity) {
        this(
                id,
                description,
                taxable,
                assetClasses,
                unitPrice,
                minimumQuantity,
                contractedQuantity,
                CountMode.PERIOD_END);
    }

    public Measure.Assets measure() {
        return new Measure.Assets(assetClasses, count);
    }
}
