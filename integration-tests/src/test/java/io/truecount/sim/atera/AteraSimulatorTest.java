package io.truecount.sim.atera;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.sim.msp.SampleDevice;
import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.vendor.Mode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AteraSimulatorTest {

    private static final Instant AS_OF = Instant.parse("2026-03-31T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SampleMsp msp;
    private static AteraSimulator simulator;

    @BeforeAll
    static void start() {
        msp = SampleMsp.generate(11, 8, 25, AS_OF);
        simulator = AteraSimulator.start(msp);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @AfterEach
    void backToNormal() {
        simulator.mode(Mode.NORMAL);
    }

    private static HttpResponse<String> get(String url, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (key != null) {
            request.header("X-API-KEY", key);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static String agentsUrl(int page, int size) {
        return simulator.baseUrl() + "/api/v3/agents?page=" + page + "&itemsInPage=" + size;
    }

    @Test
    void agents_pagedByNumber_returnEveryAgentOnceInIdOrder_followingNextLink() {
        List<Long> seen = new ArrayList<>();
        String url = agentsUrl(1, 7);
        int pages = 0;
        while (!url.isEmpty()) {
            JsonNode page = json(get(url, simulator.apiKey()).body());
            pages++;
            assertThat(page.get("page").asInt()).isEqualTo(pages);
            page.get("items").forEach(agent -> seen.add(agent.get("AgentID").asLong()));
            url = page.get("nextLink").asText();
        }

        long expected = msp.devices().stream()
                .filter(d -> d.approvalStatus().equals("APPROVED") && AteraData.osTypeOf(d.nodeClass()) != null)
                .count();
        assertThat(seen).hasSize((int) expected).isSorted().doesNotHaveDuplicates();
        assertThat(pages).isEqualTo((int) ((expected + 6) / 7));
    }

    @Test
    void envelope_statesTotals_andCapsThePageAt50() {
        JsonNode page = json(get(agentsUrl(1, 500), simulator.apiKey()).body());
        int total = page.get("totalItemCount").asInt();

        assertThat(page.get("itemsInPage").asInt()).isEqualTo(50);
        assertThat(page.get("items").size()).isEqualTo(Math.min(50, total));
        assertThat(page.get("totalPages").asInt()).isEqualTo((total + 49) / 50);
        assertThat(page.get("prevLink").asText()).isEmpty();
    }

    @Test
    void agent_carriesTheFieldsOfTheDeviceItStandsFor() {
        SampleDevice device = msp.devices().stream()
                .filter(d -> d.nodeClass().equals("WINDOWS_SERVER")
                        && d.approvalStatus().equals("APPROVED"))
                .findFirst()
                .orElseThrow();
        JsonNode agent = null;
        for (int page = 1; agent == null; page++) {
            for (JsonNode candidate :
                    json(get(agentsUrl(page, 50), simulator.apiKey()).body()).get("items")) {
                if (candidate.get("AgentID").asLong() == device.id()) {
                    agent = candidate;
                }
            }
        }

        assertThat(agent.get("CustomerID").asLong()).isEqualTo(device.organizationId());
        assertThat(agent.get("OSType").asText()).isEqualTo("Server");
        assertThat(agent.get("VendorSerialNumber").asText()).isEqualTo(device.serialNumber());
        assertThat(Instant.parse(agent.get("LastSeen").asText())).isEqualTo(device.lastContact());
    }

    @Test
    void customers_areTheMspsOrganizations() {
        JsonNode page = json(get(simulator.baseUrl() + "/api/v3/customers?page=1&itemsInPage=50", simulator.apiKey())
                .body());

        assertThat(page.get("totalItemCount").asInt())
                .isEqualTo(msp.organizations().size());
        assertThat(page.get("items").get(0).get("CustomerName").asText())
                .isEqualTo(msp.organizations().get(0).name());
    }

    @Test
    void missingOrWrongKey_is401() {
        assertThat(get(agentsUrl(1, 5), null).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = get(agentsUrl(1, 5), "not-the-key");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Authorization has been denied");
    }

    @Test
    void throttle_answers429WithRetryAfterEveryThirdRequest_neverTwiceInARow() {
        simulator.mode(Mode.THROTTLE);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = get(agentsUrl(1, 5), simulator.apiKey());
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                assertThat(response.headers().firstValue("Retry-After")).contains("1");
            }
        }
        assertThat(statuses).containsExactly(200, 200, 429, 200, 200, 429);
    }

    @Test
    void fail5xx_failsEveryRequest() {
        simulator.mode(Mode.FAIL_5XX);
        assertThat(get(agentsUrl(1, 5), simulator.apiKey()).statusCode()).isEqualTo(503);
        assertThat(get(agentsUrl(1, 5), simulator.apiKey()).statusCode()).isEqualTo(500);
    }

    @Test
    void malformedPage_cutsTheSecondAgentsPageOnly() {
        simulator.mode(Mode.MALFORMED_PAGE);
        json(get(agentsUrl(1, 5), simulator.apiKey()).body());
        String second = get(agentsUrl(2, 5), simulator.apiKey()).body();

        assertThat(second).startsWith("{\"items\":[");
        assertThat(second).doesNotEndWith("}");
    }
}
