package io.truecount.sim.msp;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.observation.AssetClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NinjaClassesTest {

    @ParameterizedTest
    @CsvSource({
        "WINDOWS_SERVER, SERVER",
        "LINUX_SERVER, SERVER",
        "MAC_SERVER, SERVER",
        "HYPERV_VMM_HOST, SERVER",
        "VMWARE_VM_HOST, SERVER",
        "HYPERV_VMM_GUEST, SERVER",
        "VMWARE_VM_GUEST, SERVER",
        "WINDOWS_WORKSTATION, WORKSTATION",
        "LINUX_WORKSTATION, WORKSTATION",
        "MAC, WORKSTATION",
        "NMS_SWITCH, NETWORK",
        "NMS_FIREWALL, NETWORK",
        "NMS_PRINTER, NETWORK",
        "ANDROID, MOBILE",
        "APPLE_IOS, MOBILE",
        "APPLE_IPADOS, MOBILE",
        "CLOUD_MONITOR_TARGET, OTHER",
        "UNMANAGED_DEVICE, OTHER"
    })
    void nodeClass_mapsToConfigDefaultClass(String nodeClass, AssetClass expected) {
        assertThat(NinjaClasses.classOf(nodeClass)).isEqualTo(expected);
    }
}
