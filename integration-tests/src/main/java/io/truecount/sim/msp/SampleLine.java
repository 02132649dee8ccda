package io.truecount.sim.msp;

import io.truecount.core.observation.AssetClass;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A contract line of the sample configuration. */
public sealed interface SampleLine permits SampleLine.Flat, SampleLine.PerAsset, SampleLine.Other {

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

    /**
     * Any other line type, written as given: for the lines of sources other than NinjaOne (licences, users, time).
     *
     * @param fields YAML key to YAML value (already quoted where needed), after {@code id} and {@code description}
     */
    record Other(String id, String description, Map<String, String> fields) implements SampleLine {

        public Other {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }
}
