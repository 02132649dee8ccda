package io.truecount.core.counting;

import io.truecount.core.observation.AssetObservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts one customer's devices as CONFIG.md defines it: managed in the source, existing and seen within the source's
 * stale window at the as-of instant, and one per physical device across all RMM sources.
 *
 * <p>Duplicates: two records are one device when both have the same serial number, or when one of them lacks a serial
 * and they share a MAC address. The record that is kept comes from the connector listed first (its class wins), then
 * the one seen most recently.
 */
public final class AssetCounter {

    private final Map<String, SourcePolicy> policies;

    public AssetCounter(List<SourcePolicy> sources) {
        this.policies = new HashMap<>();
        for (SourcePolicy source : sources) {
            policies.put(source.connectorId(), source);
        }
    }

    public AssetCount count(List<AssetObservation> assets, Instant asOf) {
        List<AssetObservation> fresh = new ArrayList<>();
        List<AssetObservation> stale = new ArrayList<>();
        for (AssetObservation asset : assets) {
            if (!asset.managed() || (asset.created() != null && asset.created().isAfter(asOf))) {
                continue;
            }
            (isStale(asset, asOf) ? stale : fresh).add(asset);
        }
        fresh.sort(keepOrder());
        stale.sort(Comparator.comparing(AssetObservation::connectorId).thenComparing(AssetObservation::externalId));

        Deduplication dedup = new Deduplication();
        List<AssetObservation> counted = new ArrayList<>();
        List<AssetCount.Duplicate> duplicates = new ArrayList<>();
        for (AssetObservation asset : fresh) {
            AssetCount.Duplicate duplicate = dedup.offer(asset);
            if (duplicate == null) {
                counted.add(asset);
            } else {
                duplicates.add(duplicate);
            }
        }
        return new AssetCount(counted, stale, duplicates);
    }

    private boolean isStale(AssetObservation asset, Instant asOf) {
        SourcePolicy policy = policies.get(asset.connectorId());
        if (policy == null || policy.staleAfter() == null) {
            return false;
        }
        return asset.lastSeen() == null || asset.lastSeen().isBefore(asOf.minus(policy.staleAfter()));
    }

    private Comparator<AssetObservation> keepOrder() {
        Comparator<AssetObservation> byPriority = Comparator.comparingInt(a -> policies.containsKey(a.connectorId())
                ? policies.get(a.connectorId()).priority()
                : Integer.MAX_VALUE);
        return byPriority
                .thenComparing(AssetObservation::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(AssetObservation::connectorId)
                .thenComparing(AssetObservation::externalId);
    }

    /** The devices kept so far, indexed by the identities a later record could match. */
    private static final class Deduplication {
        private final Map<String, AssetObservation> bySerial = new HashMap<>();
        private final Map<String, AssetObservation> byMac = new HashMap<>();
        private final Map<String, AssetObservation> byMacWithoutSerial = new HashMap<>();

        /** Returns the duplicate found, or null after keeping the asset as a new device. */
        AssetCount.Duplicate offer(AssetObservation asset) {
            AssetIdentity id = AssetIdentity.of(asset.serialNumber(), asset.macAddresses());
            if (id.hasSerial() && bySerial.containsKey(id.serial())) {
                return new AssetCount.Duplicate(asset, bySerial.get(id.serial()), "serial", id.serial());
            }
            Map<String, AssetObservation> macIndex = id.hasSerial() ? byMacWithoutSerial : byMac;
            for (String mac : id.macs()) {
                if (macIndex.containsKey(mac)) {
                    return new AssetCount.Duplicate(asset, macIndex.get(mac), "mac", mac);
                }
            }
            if (id.hasSerial()) {
                bySerial.put(id.serial(), asset);
            }
            for (String mac : id.macs()) {
                byMac.putIfAbsent(mac, asset);
                if (!id.hasSerial()) {
                    byMacWithoutSerial.putIfAbsent(mac, asset);
                }
            }
            return null;
        }
    }
}
