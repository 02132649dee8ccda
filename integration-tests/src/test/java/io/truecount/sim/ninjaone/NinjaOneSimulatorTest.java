package io.truecount.sim.ninjaone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.sim.msp.SampleDevice;
import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.msp.SampleOrganization;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NinjaOneSimulatorTest {

    private static final Instant AS_OF = Instant.parse("2026-03-31T12:00:00Z");
    private static SampleMsp msp;
    private static NinjaOneSimulator simulator;
    private static NinjaClient client;

    @BeforeAll
    static void start() {
        msp = SampleMsp.generate(11, 8, 25, AS_OF);
        simulator = NinjaOneSimulator.start(msp);
        client = new NinjaClient(simulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void token_withTheMspsCredentials_isAFreshBearerTokenWithExpiry() {
        HttpResponse<String> first = client.requestToken(msp.ninjaOneClient().clientId(), simulator.clientSecret());
        HttpResponse<String> second = client.requestToken(simulator.clientId(), simulator.clientSecret());

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode body = NinjaClient.json(first.body());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
        assertThat(body.get("scope").asText()).isEqualTo("monitoring");
        assertThat(body.get("access_token").asText())
                .isNotBlank()
                .isNotEqualTo(
                        NinjaClient.json(second.body()).get("access_token").asText());
    }

    @Test
    void token_withWrongSecret_isRejectedAsInvalidClient() {
        HttpResponse<String> response = client.requestToken(simulator.clientId(), "not-the-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(NinjaClient.json(response.body()).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void token_withUnknownClientId_isRejectedAsInvalidClient() {
        HttpResponse<String> response = client.requestToken("someone-else", simulator.clientSecret());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"invalid_client\"}");
    }

    @Test
    void devices_pagedByAfter_returnEveryRecordExactlyOnceInIdOrder() {
        String token = client.token(simulator);
        List<Long> seen = new ArrayList<>();
        int pageSize = 37;
        Long after = null;
        int pages = 0;
        while (true) {
            JsonNode page =
                    page("/v2/devices-detailed?pageSize=" + pageSize + (after == null ? "" : "&after=" + after), token);
            pages++;
            page.forEach(device -> seen.add(device.get("id").asLong()));
            if (page.size() < pageSize) {
                break;
            }
            after = page.get(page.size() - 1).get("id").asLong();
        }

        List<Long> expected = msp.devices().stream().map(SampleDevice::id).toList();
        assertThat(seen).containsExactlyElementsOf(expected).isSorted().doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(expected.size() / pageSize + 1);
    }

    @Test
    void devices_after_excludesThatIdAndEverythingBelow() {
        String token = client.token(simulator);
        List<SampleDevice> devices = msp.devices();
        long pivot = devices.get(10).id();

        JsonNode fromExisting = page("/v2/devices-detailed?pageSize=3&after=" + pivot, token);
        JsonNode fromGap = page("/v2/devices-detailed?pageSize=1&after=" + (pivot - 1), token);

        assertThat(ids(fromExisting))
                .containsExactly(
                        devices.get(11).id(),
                        devices.get(12).id(),
                        devices.get(13).id());
        assertThat(ids(fromGap)).containsExactly(pivot);
    }

    @Test
    void devices_afterTheLastId_isAnEmptyArray() {
        long last = msp.devices().get(msp.devices().size() - 1).id();

        HttpResponse<String> response = client.get("/v2/devices-detailed?after=" + last, client.token(simulator));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
    }

    @Test
    void organizations_withoutPageSize_returnAllInIdOrderIncludingUnmappedAndEmpty() {
        JsonNode organizations = page("/v2/organizations", client.token(simulator));

        assertThat(ids(organizations))
                .containsExactlyElementsOf(
                        msp.organizations().stream().map(SampleOrganization::id).toList());
        assertThat(organizations.get(0).fieldNames())
                .toIterable()
                .containsExactly("id", "name", "description", "nodeApprovalMode", "userData");
    }

    @Test
    void organizations_pagedByAfter_continueAfterTheLastId() {
        String token = client.token(simulator);
        JsonNode first = page("/v2/organizations?pageSize=4", token);
        long lastOfFirst = first.get(3).get("id").asLong();
        JsonNode second = page("/v2/organizations?pageSize=4&after=" + lastOfFirst, token);

        assertThat(ids(first)).hasSize(4);
        assertThat(ids(second)).hasSize(4).allMatch(id -> id > lastOfFirst);
        assertThat(second.get(0).get("id").asLong())
                .isEqualTo(msp.organizations().get(4).id());
    }

    @Test
    void pageSize_aboveTheCap_servesAThousand() {
        SampleMsp large = SampleMsp.generate(5, 20, 80, AS_OF);
        try (NinjaOneSimulator big = NinjaOneSimulator.start(large)) {
            NinjaClient bigClient = new NinjaClient(big.baseUrl());
            String token = bigClient.token(big);

            JsonNode capped = NinjaClient.json(
                    bigClient.get("/v2/devices-detailed?pageSize=5000", token).body());
            JsonNode defaulted = NinjaClient.json(
                    bigClient.get("/v2/devices-detailed", token).body());

            assertThat(large.devices()).hasSizeGreaterThan(1000);
            assertThat(capped).hasSize(1000);
            assertThat(defaulted).hasSize(1000);
        }
    }

    @Test
    void pageSize_notANumber_isABadRequest() {
        String token = client.token(simulator);

        assertThat(client.get("/v2/devices-detailed?pageSize=ten", token).statusCode())
                .isEqualTo(400);
        assertThat(client.get("/v2/devices-detailed?pageSize=0", token).statusCode())
                .isEqualTo(400);
        assertThat(client.get("/v2/organizations?after=x", token).statusCode()).isEqualTo(400);
    }

    @Test
    void dataRequest_withoutToken_is401() {
        HttpResponse<String> response = client.get("/v2/devices-detailed", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> v.startsWith("Bearer"));
    }

    @Test
    void dataRequest_withUnknownToken_is401() {
        assertThat(client.get("/v2/organizations", "made-up-token").statusCode())
                .isEqualTo(401);
    }

    @Test
    void dataRequest_withExpiredToken_is401_andAFreshTokenWorks() {
        MutableClock clock = new MutableClock(Instant.parse("2026-04-01T00:00:00Z"));
        NinjaOneData data =
                NinjaOneData.builder().organization(12, "Acme Dental").build();
        try (NinjaOneSimulator shortLived = NinjaOneSimulator.builder(data)
                .tokenLifetime(Duration.ofSeconds(60))
                .clock(clock)
                .start()) {
            NinjaClient shortClient = new NinjaClient(shortLived.baseUrl());
            String token = shortClient.token(shortLived);
            int fresh = shortClient.get("/v2/organizations", token).statusCode();
            clock.advance(Duration.ofSeconds(60));

            assertThat(fresh).isEqualTo(200);
            assertThat(shortClient.get("/v2/organizations", token).statusCode()).isEqualTo(401);
            assertThat(shortClient
                            .get("/v2/organizations", shortClient.token(shortLived))
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void requestLog_countsPerEndpointAndMatchesTheWireMockJournal() {
        NinjaOneData data =
                NinjaOneData.builder().organization(12, "Acme Dental").build();
        try (NinjaOneSimulator fresh = NinjaOneSimulator.start(data)) {
            NinjaClient freshClient = new NinjaClient(fresh.baseUrl());
            String token = freshClient.token(fresh);
            freshClient.get("/v2/organizations?pageSize=5", token);
            freshClient.get("/v2/organizations?pageSize=5&after=12", token);
            freshClient.get("/v2/devices-detailed", null);

            assertThat(fresh.requestCount(Endpoint.TOKEN)).isEqualTo(1);
            assertThat(fresh.requestCount(Endpoint.ORGANIZATIONS)).isEqualTo(2);
            assertThat(fresh.requestCount(Endpoint.DEVICES)).isEqualTo(1);
            assertThat(fresh.requests()).extracting(ServedRequest::status).containsExactly(200, 200, 200, 401);
            assertThat(fresh.requests().get(2).query()).isEqualTo("pageSize=5&after=12");
            assertThat(fresh.requestTimes(Endpoint.ORGANIZATIONS)).hasSize(2).isSorted();
            assertThat(fresh.wireMock().getAllServeEvents()).hasSize(4);
        }
    }

    private static JsonNode page(String pathAndQuery, String token) {
        HttpResponse<String> response = client.get(pathAndQuery, token);
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode page = NinjaClient.json(response.body());
        assertThat(page.isArray()).as("NinjaOne pages are bare arrays").isTrue();
        return page;
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.forEach(node -> ids.add(node.get("id").asLong()));
        return ids;
    }
}
