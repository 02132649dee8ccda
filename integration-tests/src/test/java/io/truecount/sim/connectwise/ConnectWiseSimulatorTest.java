package io.truecount.sim.connectwise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.vendor.Mode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectWiseSimulatorTest {

    private static final Instant AS_OF = Instant.parse("2026-10-31T12:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ConnectWiseSimulator cw;

    /** Companies 250 and 251; entries 1..5 of 250, updated on the 1st to 5th of October; entry 6 of 251. */
    static ConnectWiseData data() {
        ConnectWiseData.Builder data = ConnectWiseData.builder()
                .company(250, "Acme Dental")
                .company(251, "Beta Law")
                .ticket(4711, 250, "VPN down", "Priority 1 - Critical", "Network")
                .ticket(4712, 251, "Printer", "Priority 3 - Normal", "Hardware");
        for (int i = 1; i <= 5; i++) {
            Instant day = Instant.parse("2026-10-0" + i + "T14:00:00Z");
            data.entry(i, 250, 4711, "Remote", "Billable", day, "0.5", day.plusSeconds(3600));
        }
        data.entry(
                6,
                251,
                0,
                "Onsite",
                "NoCharge",
                Instant.parse("2026-09-20T09:00:00Z"),
                "2",
                Instant.parse("2026-09-20T12:00:00Z"));
        return data.build();
    }

    @BeforeEach
    void start() {
        cw = ConnectWiseSimulator.builder(data())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .throttleEvery(2)
                .authBlipEvery(2)
                .start();
    }

    @AfterEach
    void stop() {
        cw.close();
    }

    private HttpResponse<String> get(String pathAndQuery, boolean forwardOnly) {
        String basic = Base64.getEncoder()
                .encodeToString(
                        (cw.company() + "+" + cw.publicKey() + ":" + cw.privateKey()).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cw.apiUrl() + pathAndQuery))
                .header("Authorization", "Basic " + basic)
                .header("clientId", cw.clientId());
        if (forwardOnly) {
            request.header("pagination-type", "forward-only");
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<Long> ids(HttpResponse<String> response) throws IOException {
        List<Long> ids = new ArrayList<>();
        for (JsonNode node : JSON.readTree(response.body())) {
            ids.add(node.get("id").asLong());
        }
        return ids;
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void withoutTheRightKeysOrClientId_theAnswerIs401() {
        HttpResponse<String> none = send(
                HttpRequest.newBuilder(URI.create(cw.apiUrl() + "/system/info")).build());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("\"code\":\"Unauthorized\"");
        HttpResponse<String> ok = get("/system/info", false);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(cw.requests()).extracting(ServedRequest::status).containsExactly(401, 200);
    }

    @Test
    void forwardOnlyPaging_followsPageId_withALinkWhileMoreFollow() throws IOException {
        HttpResponse<String> first = get("/time/entries?pageSize=4&orderBy=id+asc", true);
        assertThat(ids(first)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(first.headers().firstValue("Link").orElseThrow())
                .contains("pageId=4")
                .endsWith("; rel=\"next\"");
        HttpResponse<String> second = get("/time/entries?pageSize=4&pageId=4", true);
        assertThat(ids(second)).containsExactly(5L, 6L);
        assertThat(second.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void navigablePaging_usesPageNumbers() throws IOException {
        assertThat(ids(get("/company/companies?page=2&pageSize=1", false))).containsExactly(251L);
        assertThat(get("/company/companies?page=1&pageSize=1", false)
                        .headers()
                        .firstValue("Link")
                        .orElseThrow())
                .contains("page=2");
    }

    @Test
    void conditions_filterByLastUpdatedTimeStartAndIdIn_andABadOneIs400() throws IOException {
        assertThat(ids(get("/time/entries?conditions=" + q("lastUpdated > [2026-10-03T15:00:00Z]"), true)))
                .containsExactly(4L, 5L);
        assertThat(ids(get(
                        "/time/entries?conditions=" + q("timeStart >= [2026-10-01T00:00:00Z] and company/id = 250"),
                        true)))
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(ids(get("/service/tickets?conditions=" + q("id in (4712,999)"), false)))
                .containsExactly(4712L);
        HttpResponse<String> bad = get("/time/entries?conditions=" + q("notes contains \"x\""), true);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("InvalidObject");
        assertThat(cw.requests().get(0).conditions()).isEqualTo("lastUpdated > [2026-10-03T15:00:00Z]");
    }

    @Test
    void fields_keepOnlyTheNamedTopLevelKeys() throws IOException {
        JsonNode entries = JSON.readTree(get("/time/entries?fields=id", true).body());
        assertThat(entries.get(0).size()).isEqualTo(1);
        JsonNode full = JSON.readTree(get("/time/entries?fields=id,company/id,_info/lastUpdated", true)
                .body());
        assertThat(full.get(0).get("company").get("name").asText()).isEqualTo("Acme Dental");
        assertThat(full.get(0).get("_info").get("lastUpdated").asText()).isEqualTo("2026-10-01T15:00:00Z");
        assertThat(full.get(0).has("actualHours")).isFalse();
        assertThat(cw.requests()).extracting(ServedRequest::readsEntryBodies).containsExactly(false, true);
    }

    @Test
    void anEditMovesLastUpdated_aDeleteRemovesTheEntry() throws IOException {
        cw.editEntry(2, new BigDecimal("1.5"));
        cw.deleteEntry(3);

        HttpResponse<String> changed =
                get("/time/entries?conditions=" + q("lastUpdated > [2026-11-01T00:00:00Z]"), true);
        JsonNode edited = JSON.readTree(changed.body()).get(0);
        assertThat(edited.get("id").asLong()).isEqualTo(2);
        assertThat(edited.get("actualHours").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(edited.get("_info").get("lastUpdated").asText()).isEqualTo(NOW.toString());
        assertThat(ids(get("/time/entries", true))).containsExactly(1L, 2L, 4L, 5L, 6L);
    }

    @Test
    void modes_throttleWithRetryAfter_blipA401_failAndCutTheSecondPage() {
        cw.mode(Mode.THROTTLE);
        get("/system/info", false);
        HttpResponse<String> throttled = get("/system/info", false);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("1");

        cw.mode(Mode.TOKEN_EXPIRY);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(get("/system/info", false).statusCode());
        }
        assertThat(statuses).containsExactly(200, 401, 200, 401);

        cw.mode(Mode.FAIL_5XX);
        assertThat(get("/time/entries", true).statusCode()).isEqualTo(503);
        assertThat(get("/time/entries", true).statusCode()).isEqualTo(500);

        cw.mode(Mode.MALFORMED_PAGE);
        assertThat(get("/time/entries?pageSize=2", true).statusCode()).isEqualTo(200);
        HttpResponse<String> cut = get("/time/entries?pageSize=2&pageId=2", true);
        assertThat(cut.body()).doesNotEndWith("]");
    }

    @Test
    void generatedFromASampleMsp_isDeterministic_andScalesTo2000Companies() {
        SampleMsp small = SampleMsp.generate(11, 8, 25, AS_OF);
        assertThat(ConnectWiseData.from(small).entries())
                .isEqualTo(ConnectWiseData.from(small).entries());

        SampleMsp large = SampleMsp.generate(5, 2000, 4, AS_OF);
        long started = System.nanoTime();
        ConnectWiseData data = ConnectWiseData.from(large, 75);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(data.companyCount()).isEqualTo(large.organizations().size());
        assertThat(data.entryCount()).isBetween(120_000, 180_000);
        assertThat(millis).as("generation time").isLessThan(10_000);
        assertThat(data.entries())
                .allSatisfy(e -> assertThat(e.lastUpdated()).isBefore(AS_OF).isAfter(e.timeStart()));
    }
}
