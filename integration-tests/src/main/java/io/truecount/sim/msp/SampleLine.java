package io.truecount.sim.msp;

import io.truecount.core.observation.AssetClass;
import java.math.BigDecimal;

/** A contract line of the sample configuration: the two line types the billing core implements so far. */
public sealed interface SampleLine permits SampleLine.Flat, SampleLine.PerAsset {

    String id();

    String description();

    /** {@code type: flat}: a fixed monthly amount. */
    record Flat(String id, String description, BigDecimal amount) implements SampleLine {}

    /**
     * {@code type: per-asset} for one class.
     *
     * @param minimumQuantity null when the line has none
     * @param contractedQuantity what the contract says the customer has; null when it says nothing
     */
    record PerAsset(
            String id,
            String description,
            AssetClass assetClass,
            BigDecimal unitPrice,
            Integer minimumQuantity,
            Integer contractedQuantity)
            implements SampleLine {}
}
