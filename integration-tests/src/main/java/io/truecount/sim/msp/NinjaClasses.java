package io.truecount.sim.msp;

import io.truecount.core.observation.AssetClass;
import java.util.Set;

/** CONFIG.md's default NinjaOne class map, from {@code nodeClass} to billing class; the ground truth counts by it. */
final class NinjaClasses {

    private static final Set<String> SERVERS = Set.of(
            "WINDOWS_SERVER",
            "LINUX_SERVER",
            "MAC_SERVER",
            "HYPERV_VMM_HOST",
            "VMWARE_VM_HOST",
            "HYPERV_VMM_GUEST",
            "VMWARE_VM_GUEST");
    private static final Set<String> WORKSTATIONS = Set.of("WINDOWS_WORKSTATION", "LINUX_WORKSTATION", "MAC");
    private static final Set<String> MOBILE = Set.of("ANDROID", "APPLE_IOS", "APPLE_IPADOS");

    private NinjaClasses() {}

    static AssetClass classOf(String nodeClass) {
        if (SERVERS.contains(nodeClass)) {
            return AssetClass.SERVER;
        }
        if (WORKSTATIONS.contains(nodeClass)) {
            return AssetClass.WORKSTATION;
        }
        if (nodeClass.startsWith("NMS_")) {
            return AssetClass.NETWORK;
        }
        return MOBILE.contains(nodeClass) ? AssetClass.MOBILE : AssetClass.OTHER;
    }
}
