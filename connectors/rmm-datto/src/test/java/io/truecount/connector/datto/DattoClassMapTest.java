package io.truecount.connector.datto;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.observation.AssetClass;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DattoClassMapTest {

    private final DattoClassMap defaults = new DattoClassMap(Map.of());

    @ParameterizedTest
    @CsvSource({
        "device, Server, SERVER",
        "device, ESXi Host, SERVER",
        "device, Desktop, WORKSTATION",
        "device, Laptop, WORKSTATION",
        "device, Workstation, WORKSTATION",
        "device, Printer, NETWORK",
        "device, Network Device, NETWORK",
        "device, Mobile, MOBILE",
        "device, Tablet, MOBILE",
        "device, Smartphone, MOBILE",
        "device, Unknown, OTHER",
        "device, laptop, OTHER",
        "esxihost, , SERVER",
        "esxihost, Desktop, SERVER",
        "printer, , NETWORK",
        "rmmnetworkdevice, Network Device, NETWORK",
        "unknown, , OTHER",
        "somethingnew, Server, OTHER"
    })
    void defaultMap_followsConfigMd(String deviceClass, String category, AssetClass expected) {
        assertThat(defaults.classify(deviceClass, category)).isEqualTo(expected);
    }

    @Test
    void deviceWithoutCategory_isOther() {
        assertThat(defaults.classify("device", null)).isEqualTo(AssetClass.OTHER);
    }

    @Test
    void overrideOfACategory_replacesTheDefault() {
        DattoClassMap map = new DattoClassMap(Map.of("Laptop", AssetClass.MOBILE, "Kiosk", AssetClass.WORKSTATION));

        assertThat(map.classify("device", "Laptop")).isEqualTo(AssetClass.MOBILE);
        assertThat(map.classify("device", "Kiosk")).isEqualTo(AssetClass.WORKSTATION);
        assertThat(map.classify("device", "Desktop")).isEqualTo(AssetClass.WORKSTATION);
    }

    @Test
    void overrideOfADeviceClass_replacesTheDefault() {
        DattoClassMap map = new DattoClassMap(Map.of("printer", AssetClass.OTHER, "esxihost", AssetClass.OTHER));

        assertThat(map.classify("printer", null)).isEqualTo(AssetClass.OTHER);
        assertThat(map.classify("esxihost", "Server")).isEqualTo(AssetClass.OTHER);
        assertThat(map.classify("rmmnetworkdevice", null)).isEqualTo(AssetClass.NETWORK);
    }

    @Test
    void overrideOfTheCategory_winsOverOneOfTheDeviceClass() {
        DattoClassMap map = new DattoClassMap(Map.of("device", AssetClass.OTHER, "Server", AssetClass.WORKSTATION));

        assertThat(map.classify("device", "Server")).isEqualTo(AssetClass.WORKSTATION);
        assertThat(map.classify("device", "Laptop")).isEqualTo(AssetClass.OTHER);
    }
}
