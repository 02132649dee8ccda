package io.truecount.connector.datto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.json.Json;
import io.truecount.connector.paging.MalformedRecordException;
import io.truecount.core.observation.AssetClass;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DattoMapperTest {

    private static final String SITE = "a1b2c3d4-0000-4000-8000-000000000101";

    private final DattoMapper mapper = new DattoMapper("datto", new DattoClassMap(Map.of()));

    private static JsonNode json(String text) throws IOException {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<JsonNode> fixture(String name, String field) throws IOException {
        try (InputStream in = DattoMapperTest.class.getResourceAsStream("/datto/" + name)) {
            List<JsonNode> records = new ArrayList<>();
            Json.parse(in.readAllBytes()).path(field).forEach(records::add);
            return records;
        }
    }

    @Test
    void site_isAnOrganizationKeyedByItsUid() throws IOException {
        List<ExternalOrganization> sites =
                fixture("sites.json", "sites").stream().map(mapper::site).toList();

        assertThat(sites)
                .containsExactly(
                        new ExternalOrganization(
                                "datto", SITE, "Acme Dental", Set.of(ExternalOrganization.autotaskCompany("1234"))),
                        new ExternalOrganization("datto", "b2c3d4e5-0000-4000-8000-000000000102", "Beta Law"));
    }

    @Test
    void fixtureDevices_mapToObservations() throws IOException {
        List<AssetObservation> devices = fixture("devices.json", "devices").stream()
                .map(d -> mapper.device(SITE, d))
                .toList();

        assertThat(devices)
                .extracting(
                        AssetObservation::externalId,
                        AssetObservation::name,
                        AssetObservation::assetClass,
                        AssetObservation::sourceClass,
                        AssetObservation::managed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "d4e5f6a7-0001", "ACME-DC01", AssetClass.SERVER, "Server", true),
                        org.assertj.core.groups.Tuple.tuple(
                                "d4e5f6a7-0002", "ACME-LT07", AssetClass.WORKSTATION, "Laptop", true),
                        org.assertj.core.groups.Tuple.tuple(
                                "d4e5f6a7-0003", "ACME-ESX1", AssetClass.SERVER, "esxihost", true),
                        org.assertj.core.groups.Tuple.tuple(
                                "d4e5f6a7-0004", "HP-LaserJet", AssetClass.NETWORK, "printer", true),
                        org.assertj.core.groups.Tuple.tuple(
                                "d4e5f6a7-0005", "ACME-OLD02", AssetClass.WORKSTATION, "Desktop", false),
                        org.assertj.core.groups.Tuple.tuple(
                                "d4e5f6a7-0006", "ACME-SUSP", AssetClass.WORKSTATION, "Desktop", false));
        AssetObservation dc = devices.get(0);
        assertThat(dc.connectorId()).isEqualTo("datto");
        assertThat(dc.organizationId()).isEqualTo(SITE);
        assertThat(dc.lastSeen()).isEqualTo(Instant.parse("2024-05-13T10:00:00Z"));
        assertThat(dc.created()).isEqualTo(Instant.parse("2023-01-09T08:30:00Z"));
        AssetObservation laptop = devices.get(1);
        assertThat(laptop.lastSeen()).isEqualTo(Instant.ofEpochMilli(1715594400123L));
        assertThat(laptop.created()).isNull();
        assertThat(laptop.serialNumber()).isEqualTo("5CG1234XYZ");
        assertThat(laptop.macAddresses()).containsExactly("00:1A:2B:3C:4D:5E", "00:1A:2B:3C:4D:5F");
        assertThat(dc.serialNumber()).isNull();
        assertThat(dc.macAddresses()).isEmpty();
    }

    @Test
    void deviceIsFiledUnderTheListedSite_evenWhenItNamesAnother() throws IOException {
        AssetObservation device =
                mapper.device(SITE, json("{\"uid\":\"d-1\",\"siteUid\":\"other\",\"deviceClass\":\"device\"}"));

        assertThat(device.organizationId()).isEqualTo(SITE);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1715594400000|2024-05-13T10:00:00Z",
                "\"1715594400000\"|2024-05-13T10:00:00Z",
                "\"2024-05-13T10:00:00Z\"|2024-05-13T10:00:00Z",
                "\"2024-05-13T12:00:00+02:00\"|2024-05-13T10:00:00Z",
                "\"2024-05-13T10:00:00.250\"|2024-05-13T10:00:00.250Z",
                "1715594400000.6|2024-05-13T10:00:00.001Z"
            })
    void lastSeen_isReadAsEpochMillisOrIso(String value, String expected) throws IOException {
        AssetObservation device =
                mapper.device(SITE, json("{\"uid\":\"d-1\",\"deviceClass\":\"device\",\"lastSeen\":" + value + "}"));

        assertThat(device.lastSeen()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void nullOrBlankTimes_areUnknown() throws IOException {
        AssetObservation device = mapper.device(
                SITE, json("{\"uid\":\"d-1\",\"deviceClass\":\"device\",\"lastSeen\":null,\"creationDate\":\"\"}"));

        assertThat(device.lastSeen()).isNull();
        assertThat(device.created()).isNull();
    }

    @Test
    void unreadableTime_isMalformed() {
        assertThatThrownBy(() -> mapper.device(
                        SITE, json("{\"uid\":\"d-1\",\"deviceClass\":\"device\",\"lastSeen\":\"yesterday\"}")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("device d-1 has a 'lastSeen' that is not a time: \"yesterday\"");
        assertThatThrownBy(() ->
                        mapper.device(SITE, json("{\"uid\":\"d-1\",\"deviceClass\":\"device\",\"creationDate\":{}}")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("'creationDate'");
    }

    @Test
    void deviceWithoutUidOrClass_isMalformed() {
        assertThatThrownBy(() -> mapper.device(SITE, json("{\"deviceClass\":\"device\"}")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("device has no 'uid'");
        assertThatThrownBy(() -> mapper.device(SITE, json("{\"uid\":\"d-9\",\"deviceClass\":null}")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("device d-9 has no 'deviceClass'");
    }

    @Test
    void aSiteLinkedToAnAutotaskCompany_carriesItAsAReference() throws IOException {
        assertThat(mapper.site(json("{\"uid\":\"s-1\",\"name\":\"Acme\",\"autotaskCompanyId\":\"1234\"}"))
                        .references())
                .containsExactly("autotask-company:1234");
        assertThat(mapper.site(json("{\"uid\":\"s-2\",\"name\":\"Beta\",\"autotaskCompanyId\":null}"))
                        .references())
                .isEmpty();
    }

    @Test
    void siteWithoutUid_isMalformed() {
        assertThatThrownBy(() -> mapper.site(json("{\"id\":101,\"name\":\"Acme\"}")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("site has no 'uid'");
    }

    @Test
    void withoutHostname_theDescriptionOrTheUidNamesTheDevice() throws IOException {
        assertThat(mapper.device(SITE, json("{\"uid\":\"d-1\",\"deviceClass\":\"device\",\"description\":\"Door\"}"))
                        .name())
                .isEqualTo("Door");
        assertThat(mapper.device(SITE, json("{\"uid\":\"d-1\",\"deviceClass\":\"device\"}"))
                        .name())
                .isEqualTo("d-1");
    }

    @Test
    void overrides_reachTheMapper() throws IOException {
        DattoMapper overridden = new DattoMapper("datto", new DattoClassMap(Map.of("Laptop", AssetClass.MOBILE)));

        AssetObservation device = overridden.device(
                SITE, json("{\"uid\":\"d-1\",\"deviceClass\":\"device\",\"deviceType\":{\"category\":\"Laptop\"}}"));

        assertThat(device.assetClass()).isEqualTo(AssetClass.MOBILE);
    }
}
