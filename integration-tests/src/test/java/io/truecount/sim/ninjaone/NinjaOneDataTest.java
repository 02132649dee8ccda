package io.truecount.sim.ninjaone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.sim.msp.SampleDevice;
import io.truecount.sim.msp.SampleMsp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NinjaOneDataTest {

    private static final Instant AS_OF = Instant.parse("2026-03-31T12:00:00Z");

    @Test
    void sameSeed_rendersIdenticalJson() {
        NinjaOneData first = NinjaOneData.from(SampleMsp.generate(2026, 12, AS_OF));
        NinjaOneData second = NinjaOneData.from(SampleMsp.generate(2026, 12, AS_OF));

        assertThat(all(second, Endpoint.DEVICES)).isEqualTo(all(first, Endpoint.DEVICES));
        assertThat(all(second, Endpoint.ORGANIZATIONS)).isEqualTo(all(first, Endpoint.ORGANIZATIONS));
    }

    @Test
    void otherSeed_rendersOtherDevices() {
        NinjaOneData first = NinjaOneData.from(SampleMsp.generate(2026, 12, AS_OF));
        NinjaOneData other = NinjaOneData.from(SampleMsp.generate(2027, 12, AS_OF));

        assertThat(all(other, Endpoint.DEVICES)).isNotEqualTo(all(first, Endpoint.DEVICES));
    }

    @Test
    void everyGeneratedDevice_hasEveryFieldOfTheVendorExample() {
        JsonNode devices = NinjaClient.json(all(NinjaOneData.from(SampleMsp.generate(3, 10, AS_OF)), Endpoint.DEVICES));

        assertThat(devices).isNotEmpty().allSatisfy(device -> {
            assertThat(device.fieldNames())
                    .toIterable()
                    .contains(
                            "id",
                            "uid",
                            "organizationId",
                            "locationId",
                            "nodeClass",
                            "approvalStatus",
                            "offline",
                            "displayName",
                            "systemName",
                            "dnsName",
                            "created",
                            "lastContact",
                            "lastUpdate",
                            "tags",
                            "references",
                            "ipAddresses",
                            "macAddresses",
                            "publicIP",
                            "system");
            assertThat(device.get("system").fieldNames())
                    .toIterable()
                    .containsExactly("serialNumber", "biosSerialNumber", "manufacturer", "model");
            assertThat(device.get("references").get("organization").get("id").asLong())
                    .isEqualTo(device.get("organizationId").asLong());
            assertThat(device.get("macAddresses")).isNotEmpty();
            assertThat(device.get("lastContact").isFloatingPointNumber()).isTrue();
        });
    }

    @Test
    void timestamps_areEpochSecondsWithAFraction() {
        SampleDevice device = SampleDevice.builder(1042, 12)
                .created(Instant.parse("2024-02-08T12:25:25Z"))
                .lastContact(Instant.ofEpochMilli(1715600000123L))
                .build();

        String json = NinjaOneJson.device(device, "Acme Dental", null);

        assertThat(json).contains("\"created\":1707395125.0", "\"lastContact\":1715600000.123");
        assertThat(NinjaClient.json(json).get("references").has("location")).isFalse();
    }

    @Test
    void handBuiltFixture_rendersTheDeviceUnderItsOrganization() {
        NinjaOneData data = NinjaOneData.builder()
                .organization(12, "Acme Dental")
                .device(SampleDevice.builder(1042, 12)
                        .nodeClass("WINDOWS_SERVER")
                        .name("ACME-DC01")
                        .serialNumber("7HX2KQ3")
                        .macAddresses("00:11:22:33:44:55")
                        .build())
                .build();

        JsonNode device = NinjaClient.json(all(data, Endpoint.DEVICES)).get(0);

        assertThat(device.get("nodeClass").asText()).isEqualTo("WINDOWS_SERVER");
        assertThat(device.get("systemName").asText()).isEqualTo("ACME-DC01");
        assertThat(device.get("system").get("serialNumber").asText()).isEqualTo("7HX2KQ3");
        assertThat(device.get("references").get("organization").get("name").asText())
                .isEqualTo("Acme Dental");
        assertThat(device.get("macAddresses").get(0).asText()).isEqualTo("00:11:22:33:44:55");
    }

    @Test
    void rawJson_isServedAsGiven() {
        String quirky = "{\"id\":7,\"organizationId\":12,\"nodeClass\":\"NMS_OTHER\",\"lastContact\":null}";

        NinjaOneData data = NinjaOneData.builder().deviceJson(quirky).build();

        assertThat(all(data, Endpoint.DEVICES)).isEqualTo("[" + quirky + "]");
    }

    @Test
    void duplicateId_isRejected() {
        NinjaOneData.Builder builder = NinjaOneData.builder().organization(12, "Acme Dental");

        assertThatThrownBy(() -> builder.organization(12, "Acme Again"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12");
    }

    private static String all(NinjaOneData data, Endpoint endpoint) {
        return data.rows(endpoint).page(null, Integer.MAX_VALUE).json();
    }
}
