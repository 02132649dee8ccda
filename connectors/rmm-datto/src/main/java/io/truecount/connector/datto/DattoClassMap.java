package io.truecount.connector.datto;

import io.truecount.core.observation.AssetClass;
import java.util.Map;

/**
 * Datto {@code deviceClass} and {@code deviceType.category} to billing class: the default map of CONFIG.md
 * (Counting), under the admin's {@code asset-classes} overrides. An override keyed by the category wins over one keyed
 * by the device class, because the category is the finer of the two.
 */
final class DattoClassMap {

    static final String DEVICE = "device";

    private static final Map<String, AssetClass> BY_DEVICE_CLASS = Map.of(
            "esxihost", AssetClass.SERVER,
            "printer", AssetClass.NETWORK,
            "rmmnetworkdevice", AssetClass.NETWORK);

    // Only read for deviceClass "device", the agent-managed machines.
    private static final Map<String, AssetClass> BY_CATEGORY = Map.ofEntries(
            Map.entry("Server", AssetClass.SERVER),
            Map.entry("ESXi Host", AssetClass.SERVER),
            Map.entry("Desktop", AssetClass.WORKSTATION),
            Map.entry("Laptop", AssetClass.WORKSTATION),
            Map.entry("Workstation", AssetClass.WORKSTATION),
            Map.entry("Printer", AssetClass.NETWORK),
            Map.entry("Network Device", AssetClass.NETWORK),
            Map.entry("Mobile", AssetClass.MOBILE),
            Map.entry("Tablet", AssetClass.MOBILE),
            Map.entry("Smartphone", AssetClass.MOBILE));

    private final Map<String, AssetClass> overrides;

    /** @param overrides the connector's {@code asset-classes}, keyed by {@code deviceType.category} or {@code deviceClass} */
    DattoClassMap(Map<String, AssetClass> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    /** @param category {@code deviceType.category}, or null when the device has none */
    AssetClass classify(String deviceClass, String category) {
        if (category != null && overrides.containsKey(category)) {
            return overrides.get(category);
        }
        if (overrides.containsKey(deviceClass)) {
            return overrides.get(deviceClass);
        }
        if (DEVICE.equals(deviceClass)) {
            return category == null ? AssetClass.OTHER : BY_CATEGORY.getOrDefault(category, AssetClass.OTHER);
        }
        return BY_DEVICE_CLASS.getOrDefault(deviceClass, AssetClass.OTHER);
    }
}
