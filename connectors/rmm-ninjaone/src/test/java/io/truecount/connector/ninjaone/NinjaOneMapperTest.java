package io.truecount.connector.ninjaone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.connector.json.Json;
import io.truecount.connector.paging.MalformedRecordException;
import io.truecount.core.observation.AssetClass;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NinjaOneMapperTest {

    private final NinjaOneMapper mapper = new NinjaOneMapper("ninja", new NinjaOneClassMap(Map.of()));

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = NinjaOneMapperTest.class.getResourceAsStream("/ninjaone/" + name)) {
            return Json.parse(in.readAllBytes());
        }
    }

    private static JsonNode json(String text) throws IOException {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private AssetObservation device(long id) throws IOException {
        for (JsonNode device : fixture("devices.json")) {
            if (device.get("id").asLong() == id) {
                return mapper.device(device);
            }
        }
        throw new AssertionError("no device " + id + " in devices.json");
    }

    @Test
    void organization_mapsIdAndName_ignoringOtherFields() throws IOException {
        JsonNode orgs = fixture("organizations.json");

        assertThat(mapper.organization(orgs.get(0))).isEqualTo(new ExternalOrganization("ninja", "12", "Acme Dental"));
        assertThat(mapper.organization(orgs.get(1))).isEqualTo(new ExternalOrganization("ninja", "14", "Zylker Law"));
    }

    @Test
    void approvedServer_mapsEveryField() throws IOException {
        assertThat(device(1042))
                .isEqualTo(new AssetObservation(
                        "ninja",
                        "12",
                        "1042",
                        "ACME-DC01",
                        AssetClass.SERVER,
                        "WINDOWS_SERVER",
                        true,
                        "SN-1042",
                        List.of("00:11:22:33:44:55", "00:11:22:33:44:56"),
                        Instant.parse("2024-02-08T12:25:25Z"),
                        Instant.parse("2024-05-13T11:33:20.123Z")));
    }

    @Test
    void pendingDevice_isUnmanaged_namedBySystemName_withBiosSerialForBlankSerial() throws IOException {
        AssetObservation device = device(1043);

        assertThat(device.managed()).isFalse();
        assertThat(device.name()).isEqualTo("ACME-WS01");
        assertThat(device.serialNumber()).isEqualTo("BIOS-1043");
        assertThat(device.macAddresses()).isEmpty();
    }

    @Test
    void deviceWithoutSystem_hasNoSerial_namedByDnsName_neverSeen() throws IOException {
        AssetObservation device = device(1044);

        assertThat(device.serialNumber()).isNull();
        assertThat(device.name()).isEqualTo("core-sw.zylker.local");
        assertThat(device.created()).isNull();
        assertThat(device.lastSeen()).isNull();
    }

    @Test
    void blankSerialAndBiosSerial_isNoSerial() throws IOException {
        assertThat(device(1047).serialNumber()).isNull();
    }

    @ParameterizedTest(name = "device {0} ({1}) managed: {2}")
    @CsvSource({
        "1042, APPROVED, true",
        "1043, PENDING, false",
        "1044, APPROVED, true",
        "1047, DECOMMISSIONED, false",
        "1048, STAGED, false",
    })
    void onlyApproved_isManaged(long id, String approvalStatus, boolean managed) throws IOException {
        assertThat(device(id).managed()).as(approvalStatus).isEqualTo(managed);
    }

    @Test
    void fractionalEpochSeconds_keepTheirMilliseconds() throws IOException {
        assertThat(device(1043).created()).isEqualTo(Instant.parse("2024-05-13T11:33:20.999Z"));
        assertThat(device(1045).lastSeen()).isEqualTo(Instant.parse("2024-05-13T11:33:20.500Z"));
        assertThat(device(1048).created()).isEqualTo(Instant.parse("2024-05-13T11:33:20.001Z"));
    }

    @Test
    void integerEpochSeconds_andNullLastContact() throws IOException {
        assertThat(device(1043).lastSeen()).isEqualTo(Instant.parse("2024-05-13T11:33:30Z"));
        assertThat(device(1048).lastSeen()).isNull();
    }

    @Test
    void classesOfTheFixture_followTheDefaultMap() throws IOException {
        assertThat(device(1043).assetClass()).isEqualTo(AssetClass.WORKSTATION);
        assertThat(device(1044).assetClass()).isEqualTo(AssetClass.NETWORK);
        assertThat(device(1045).assetClass()).isEqualTo(AssetClass.MOBILE);
        assertThat(device(1046).assetClass()).isEqualTo(AssetClass.OTHER);
        assertThat(device(1047).assetClass()).isEqualTo(AssetClass.SERVER);
        assertThat(device(1047).sourceClass()).isEqualTo("VMWARE_VM_GUEST");
    }

    @Test
    void adminOverride_winsOverTheDefaultMap() throws IOException {
        NinjaOneMapper overridden =
                new NinjaOneMapper("ninja", new NinjaOneClassMap(Map.of("VMWARE_VM_GUEST", AssetClass.WORKSTATION)));
        JsonNode guest = fixture("devices.json").get(5);

        assertThat(overridden.device(guest).assetClass()).isEqualTo(AssetClass.WORKSTATION);
    }

    @ParameterizedTest
    @CsvSource({"id", "organizationId", "nodeClass"})
    void deviceWithoutRequiredField_isMalformed(String field) throws IOException {
        JsonNode device = json("{\"id\":7,\"organizationId\":12,\"nodeClass\":\"MAC\"}");
        ((ObjectNode) device).remove(field);

        assertThatThrownBy(() -> mapper.device(device))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("'" + field + "'");
    }

    @Test
    void organizationWithoutId_isMalformed() throws IOException {
        assertThatThrownBy(() -> mapper.organization(json("{\"name\":\"Acme\"}")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("organization has no 'id'");
    }

    @Test
    void timestampThatIsNotANumber_isMalformed() throws IOException {
        JsonNode device = json("{\"id\":7,\"organizationId\":12,\"nodeClass\":\"MAC\",\"lastContact\":\"yesterday\"}");

        assertThatThrownBy(() -> mapper.device(device))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("device 7 has a 'lastContact' that is not a number");
    }
}
