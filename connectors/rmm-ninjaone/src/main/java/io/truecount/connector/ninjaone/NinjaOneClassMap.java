package io.truecount.connector.ninjaone;

import io.truecount.core.observation.AssetClass;
import java.util.Map;

/**
 * NinjaOne {@code nodeClass} to billing class: the default map of CONFIG.md (Counting), under the admin's
 * {@code asset-classes} overrides.
 */
final class NinjaOneClassMap {

    private static final Map<String, AssetClass> DEFAULTS = Map.ofEntries(
            Map.entry("WINDOWS_SERVER", AssetClass.SERVER),
            Map.entry("LINUX_SERVER", AssetClass.SERVER),
            Map.entry("MAC_SERVER", AssetClass.SERVER),
            Map.entry("HYPERV_VMM_HOST", AssetClass.SERVER),
            Map.entry("VMWARE_VM_HOST", AssetClass.SERVER),
            Map.entry("HYPERV_VMM_GUEST", AssetClass.SERVER),
            Map.entry("VMWARE_VM_GUEST", AssetClass.SERVER),
            Map.entry("WINDOWS_WORKSTATION", AssetClass.WORKSTATION),
            Map.entry("LINUX_WORKSTATION", AssetClass.WORKSTATION),
            Map.entry("MAC", AssetClass.WORKSTATION),
            Map.entry("ANDROID", AssetClass.MOBILE),
            Map.entry("APPLE_IOS", AssetClass.MOBILE),
            Map.entry("APPLE_IPADOS", AssetClass.MOBILE));

    // Every device NinjaOne's network management discovers has a class starting NMS_ (NMS_SWITCH, NMS_SERVER, ...).
    private static final String NETWORK_PREFIX = "NMS_";

    private final Map<String, AssetClass> overrides;

    /** @param overrides the connector's {@code asset-classes}, keyed by {@code nodeClass} */
    NinjaOneClassMap(Map<String, AssetClass> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    AssetClass classify(String nodeClass) {
        AssetClass chosen = overrides.get(nodeClass);
        if (chosen != null) {
            return chosen;
        }
        chosen = DEFAULTS.get(nodeClass);
        if (chosen != null) {
            return chosen;
        }
        return nodeClass.startsWith(NETWORK_PREFIX) ? AssetClass.NETWORK : AssetClass.OTHER;
    }
}
