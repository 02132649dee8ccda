package io.truecount.sim.msp;

import io.truecount.core.observation.AssetClass;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What counting one organization's NinjaOne devices must produce (CONFIG.md, Counting, default NinjaOne class map).
 * It holds for any {@code stale-after-days} from 8 to 44 at the MSP's as-of instant: fresh devices were seen at most
 * 7 days and 2 hours before it, stale ones 45 to 200 days before it.
 *
 * @param billable approved, fresh devices per class, each physical device once
 * @param staleIds approved devices last seen 45–200 days before as-of
 * @param duplicateOf the record of a re-imaged machine's old agent → the record of its new agent (same serial, or
 *     the same MAC when the machine has no serial); both fresh and approved, the new one is counted
 * @param pendingIds devices awaiting approval in a MANUAL organization
 */
public record DeviceTruth(
        Map<AssetClass, Integer> billable,
        SortedSet<Long> staleIds,
        SortedMap<Long, Long> duplicateOf,
        SortedSet<Long> pendingIds) {

    public DeviceTruth {
        Map<AssetClass, Integer> all = new EnumMap<>(AssetClass.class);
        for (AssetClass assetClass : AssetClass.values()) {
            all.put(assetClass, billable.getOrDefault(assetClass, 0));
        }
        billable = Collections.unmodifiableMap(all);
        staleIds = Collections.unmodifiableSortedSet(new TreeSet<>(staleIds));
        duplicateOf = Collections.unmodifiableSortedMap(new TreeMap<>(duplicateOf));
        pendingIds = Collections.unmodifiableSortedSet(new TreeSet<>(pendingIds));
    }

    public int billable(AssetClass assetClass) {
        return billable.get(assetClass);
    }

    public int stale() {
        return staleIds.size();
    }

    public int duplicates() {
        return duplicateOf.size();
    }

    public int pending() {
        return pendingIds.size();
    }
}
