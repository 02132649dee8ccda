package io.truecount.core.counting;

import io.truecount.core.observation.AssetClass;
import io.truecount.core.observation.AssetObservation;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of counting one customer's assets: what is billable per class, and what was left out and why.
 *
 * @param counted the billable assets, one per physical device
 * @param stale managed assets not seen within their source's stale window
 * @param duplicates assets that are the same device as one already counted
 */
public record AssetCount(List<AssetObservation> counted, List<AssetObservation> stale, List<Duplicate> duplicates) {

    /** A device reported twice: {@code asset} was not counted because {@code keptAs} already was. */
    public record Duplicate(AssetObservation asset, AssetObservation keptAs, String matchedBy, String value) {}

    public AssetCount {
        counted = List.copyOf(counted);
        stale = List.copyOf(stale);
        duplicates = List.copyOf(duplicates);
    }

    /** Billable assets per class; classes without assets are absent. */
    public Map<AssetClass, Long> byClass() {
        Map<AssetClass, Long> result = new EnumMap<>(AssetClass.class);
        for (AssetObservation asset : counted) {
            result.merge(asset.assetClass(), 1L, Long::sum);
        }
        return result;
    }

    /** Billable assets of any of the given classes. */
    public BigDecimal of(Collection<AssetClass> classes) {
        long n = counted.stream().filter(a -> classes.contains(a.assetClass())).count();
        return BigDecimal.valueOf(n);
    }
}
