package io.truecount.connector.ninjaone;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.observation.AssetClass;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NinjaOneClassMapTest {

    private final NinjaOneClassMap defaults = new NinjaOneClassMap(Map.of());

    @ParameterizedTest(name = "{0} -> {1}")
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
        "ANDROID, MOBILE",
        "APPLE_IOS, MOBILE",
        "APPLE_IPADOS, MOBILE",
        "NMS_SWITCH, NETWORK",
        "NMS_ROUTER, NETWORK",
        "NMS_FIREWALL, NETWORK",
        "NMS_PRINTER, NETWORK",
        "NMS_SERVER, NETWORK",
        "NMS_VIRTUAL_MACHINE, NETWORK",
        "CLOUD_MONITOR_TARGET, OTHER",
        "UNMANAGED_DEVICE, OTHER",
        "MANAGED_DEVICE, OTHER",
        "SOMETHING_NINJA_ADDS_NEXT_YEAR, OTHER",
    })
    void defaultMap(String nodeClass, AssetClass expected) {
        assertThat(defaults.classify(nodeClass)).isEqualTo(expected);
    }

    @Test
    void override_replacesADefault() {
        NinjaOneClassMap map = new NinjaOneClassMap(Map.of("HYPERV_VMM_GUEST", AssetClass.WORKSTATION));

        assertThat(map.classify("HYPERV_VMM_GUEST")).isEqualTo(AssetClass.WORKSTATION);
        assertThat(map.classify("VMWARE_VM_GUEST")).isEqualTo(AssetClass.SERVER);
    }

    @Test
    void override_beatsTheNetworkPrefixRule() {
        NinjaOneClassMap map = new NinjaOneClassMap(Map.of("NMS_PRINTER", AssetClass.OTHER));

        assertThat(map.classify("NMS_PRINTER")).isEqualTo(AssetClass.OTHER);
        assertThat(map.classify("NMS_SWITCH")).isEqualTo(AssetClass.NETWORK);
    }

    @Test
    void override_canClassifyAnUnknownValue() {
        NinjaOneClassMap map = new NinjaOneClassMap(Map.of("CLOUD_MONITOR_TARGET", AssetClass.SERVER));

        assertThat(map.classify("CLOUD_MONITOR_TARGET")).isEqualTo(AssetClass.SERVER);
    }
}
