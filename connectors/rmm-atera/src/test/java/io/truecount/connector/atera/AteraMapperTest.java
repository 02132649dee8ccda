package io.truecount.connector.atera;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AteraMapperTest {

    private final AteraMapper mapper =
            new AteraMapper("atera", new AteraClassMap(Map.of("Mac", AssetClass.WORKSTATION)));

    private static JsonNode agentsFixture() throws IOException {
        try (InputStream in = AteraMapperTest.class.getResourceAsStream("/atera/agents.json")) {
            return Json.parse(in.readAllBytes()).path("items");
        }
    }

    private static JsonNode json(String text) throws IOException {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fullAgent_mapsEveryFieldCountingUses() throws IOException {
        AssetObservation laptop = mapper.agent(agentsFixture().get(0));

        assertThat(laptop)
                .isEqualTo(new AssetObservation(
                        "atera",
                        "3001",
                        "1001",
                        "LAPTOP-001",
                        AssetClass.WORKSTATION,
                        "Work Station",
                        true,
                        "SN-1001",
                        List.of("00-11-22-33-44-55", "00-11-22-33-44-66"),
                        Instant.parse("2024-01-01T10:00:00Z"),
                        Instant.parse("2024-05-13T12:00:00Z")));
    }

    @Test
    void timestampWithoutOffset_isUtc_andNullOrBlankFieldsAreUnknown() throws IOException {
        AssetObservation dc = mapper.agent(agentsFixture().get(1));

        assertThat(dc.assetClass()).isEqualTo(AssetClass.SERVER);
        assertThat(dc.name()).isEqualTo("DC-01");
        assertThat(dc.lastSeen()).isEqualTo(Instant.parse("2024-05-13T12:30:15.530Z"));
        assertThat(dc.created()).isNull();
        assertThat(dc.serialNumber()).isNull();
        assertThat(dc.macAddresses()).isEmpty();
    }

    @Test
    void overriddenOsType_andUnknownFields_areHandled() throws IOException {
        AssetObservation mac = mapper.agent(agentsFixture().get(2));

        assertThat(mac.assetClass()).isEqualTo(AssetClass.WORKSTATION);
        assertThat(mac.sourceClass()).isEqualTo("Mac");
        assertThat(mac.name()).isEqualTo("mbp-anna");
        assertThat(mac.organizationId()).isEqualTo("3002");
        assertThat(mac.lastSeen()).isNull();
    }

    @Test
    void customer_isItsIdAndName() throws IOException {
        ExternalOrganization org = mapper.customer(json("{\"CustomerID\":3001,\"CustomerName\":\"Acme Dental\"}"));

        assertThat(org).isEqualTo(new ExternalOrganization("atera", "3001", "Acme Dental"));
    }

    @Test
    void customerWithoutId_isMalformed() {
        assertThatThrownBy(() -> mapper.customer(json("{\"CustomerName\":\"Acme\"}")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("customer has no 'CustomerID'");
    }

    @Test
    void agentWithoutCustomerOrOsType_isMalformed() {
        assertThatThrownBy(() -> mapper.agent(json("{\"AgentID\":7,\"OSType\":\"Server\"}")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("agent 7 has no 'CustomerID'");
        assertThatThrownBy(() -> mapper.agent(json("{\"AgentID\":7,\"CustomerID\":1,\"OSType\":null}")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("agent 7 has no 'OSType'");
    }

    @Test
    void unreadableDate_isMalformed() {
        assertThatThrownBy(() -> mapper.agent(
                        json("{\"AgentID\":7,\"CustomerID\":1,\"OSType\":\"Server\",\"LastSeen\":\"yesterday\"}")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("agent 7 has a 'LastSeen' that is not a date-time: yesterday");
    }
}
