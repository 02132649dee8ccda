package io.truecount.core.contract;

import io.truecount.core.observation.AssetClass;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What a count-based line counts: assets of some classes, or licences of some SKUs. */
public sealed interface Measure {

    /** Counted assets of the given classes, taken as the count mode says. */
    record Assets(Set<AssetClass> classes, CountMode mode) implements Measure {
        public Assets {
            classes = Set.copyOf(classes);
            Objects.requireNonNull(mode, "mode");
            if (classes.isEmpty()) {
                throw new IllegalArgumentException("an asset measure names at least one class");
            }
        }
    }

    /** Licences of the given SKU part numbers, summed over the SKUs, assigned or purchased. */
    record Licenses(List<String> skus, LicenseBasis basis) implements Measure {
        public Licenses {
            skus = List.copyOf(skus);
            Objects.requireNonNull(basis, "basis");
            if (skus.isEmpty()) {
                throw new IllegalArgumentException("a licence measure names at least one SKU");
            }
        }
    }
}
