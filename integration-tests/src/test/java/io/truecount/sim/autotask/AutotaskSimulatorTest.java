package io.truecount.sim.autotask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.vendor.Mode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AutotaskSimulatorTest {

    private static final Instant AS_OF = Instant.parse("2026-11-01T04:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HandClock clock = new HandClock(AS_OF);
    private AutotaskSimulator autotask;

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private final AtomicReference<Instant> now;

        HandClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(i -> i.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @BeforeEach
    void start() {
        autotask = AutotaskSimulator.builder(AutotaskData.builder()
                        .company(174, "Acme Dental")
                        .company(175, "Beta Law")
                        .ticket(7001, 174, "Printer offline", 4, 3L)
                        .ticket(7002, 175, "VPN drops", 2, null)
                        .entry(1, 7001, "Remote Support", Instant.parse("2026-10-02T14:00:00Z"), "1.5", true)
                        .entry(2, 7001, "Onsite Support", Instant.parse("2026-10-03T14:00:00Z"), "2", true)
                        .entry(3, 7002, "Remote Support", Instant.parse("2026-10-04T14:00:00Z"), "0.25", false)
                        .taskEntry(4, Instant.parse("2026-10-05T14:00:00Z"), "3")
                        .build())
                .clock(clock)
                .secretRequestLimit(2)
                .throttleEvery(2)
                .start();
    }

    @AfterEach
    void stop() {
        autotask.close();
    }

    private HttpResponse<String> send(String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("ApiIntegrationCode", autotask.integrationCode())
                .header("UserName", autotask.username())
                .header("Secret", autotask.secret())
                .header("Content-Type", "application/json");
        request = body == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> query(String entity, String body) throws Exception {
        return send("POST", autotask.baseUrl() + "/ATServicesRest/V1.0/" + entity + "/query", body);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }

    @Test
    void zoneInformation_pointsBackAtTheSimulator_forTheKnownUserOnly() throws Exception {
        HttpResponse<String> zone = HTTP.send(
                HttpRequest.newBuilder(URI.create(autotask.baseUrl() + "/atservicesrest/v1.0/zoneInformation?user="
                                + autotask.username()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(autotask.baseUrl() + "/atservicesrest/v1.0/zoneInformation?user=nobody"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(json(zone).path("url").asText()).isEqualTo(autotask.baseUrl() + "/ATServicesRest/");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(autotask.requestsInLastHour()).isZero();
    }

    @Test
    void query_withoutTheSecret_isUnauthorized() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(autotask.baseUrl() + "/ATServicesRest/V1.0/Companies/query"))
                        .header("ApiIntegrationCode", autotask.integrationCode())
                        .header("UserName", autotask.username())
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"filter\":[{\"op\":\"gte\",\"field\":\"id\",\"value\":0}]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).path("errors").get(0).asText()).contains("not authorized");
    }

    @Test
    void filters_gtGteEqInAndOr_selectAsAutotaskWould_andIncludeFieldsTrims() throws Exception {
        JsonNode changed = json(query(
                "TimeEntries",
                "{\"IncludeFields\":[\"id\",\"hoursWorked\"],\"filter\":[{\"op\":\"gt\",\"field\":\"lastModifiedDateTime\","
                        + "\"value\":\"2026-10-03T14:00:00Z\"}]}"));
        JsonNode worked = json(query(
                "TimeEntries",
                "{\"filter\":[{\"op\":\"gte\",\"field\":\"dateWorked\",\"value\":\"2026-10-03T00:00:00Z\"},"
                        + "{\"op\":\"eq\",\"field\":\"isNonBillable\",\"value\":false}]}"));
        JsonNode tickets =
                json(query("Tickets", "{\"filter\":[{\"op\":\"in\",\"field\":\"id\",\"value\":[7002,7001,9]}]}"));
        JsonNode either = json(query(
                "Companies",
                "{\"filter\":[{\"op\":\"or\",\"items\":[{\"op\":\"eq\",\"field\":\"id\",\"value\":174},"
                        + "{\"op\":\"eq\",\"field\":\"companyName\",\"value\":\"beta law\"}]}]}"));

        assertThat(ids(changed)).containsExactly(3L, 4L);
        assertThat(changed.path("items").get(0).size()).isEqualTo(2);
        assertThat(changed.path("items").get(0).path("hoursWorked").decimalValue())
                .isEqualByComparingTo("0.25");
        assertThat(ids(worked)).containsExactly(2L, 4L);
        assertThat(ids(tickets)).containsExactly(7001L, 7002L);
        assertThat(tickets.path("items").get(0).path("companyID").asLong()).isEqualTo(174);
        assertThat(ids(either)).containsExactly(174L, 175L);
    }

    @Test
    void queryAutotaskWouldRefuse_answersItsErrorsBody() throws Exception {
        HttpResponse<String> noFilter = query("Companies", "{\"MaxRecords\":10}");
        HttpResponse<String> tooMany =
                query("Companies", "{\"MaxRecords\":501,\"filter\":[{\"op\":\"gte\",\"field\":\"id\",\"value\":0}]}");
        HttpResponse<String> badField =
                query("Companies", "{\"filter\":[{\"op\":\"gte\",\"field\":\"nope\",\"value\":0}]}");

        assertThat(List.of(noFilter.statusCode(), tooMany.statusCode(), badField.statusCode()))
                .containsOnly(400);
        assertThat(json(badField).path("errors").get(0).asText()).contains("nope");
    }

    @Test
    void paging_followsNextPageUrlsOnTheSimulatorsHost_withGetOrPost() throws Exception {
        JsonNode first = json(
                query("TimeEntries", "{\"MaxRecords\":3,\"filter\":[{\"op\":\"gte\",\"field\":\"id\",\"value\":0}]}"));
        String next = first.path("pageDetails").path("nextPageUrl").asText();
        JsonNode second = json(send("GET", next, null));
        JsonNode secondByPost = json(send("POST", next, "{}"));

        assertThat(ids(first)).containsExactly(1L, 2L, 3L);
        assertThat(next).startsWith(autotask.baseUrl() + "/ATServicesRest/V1.0/TimeEntries/query/next?paging=");
        assertThat(ids(second)).containsExactly(4L);
        assertThat(second.path("pageDetails").path("nextPageUrl").isNull()).isTrue();
        assertThat(ids(secondByPost)).containsExactly(4L);
        assertThat(autotask.requests()).extracting(ServedRequest::page).containsExactly(1, 2, 2);
    }

    @Test
    void mutations_moveLastModified_soAnIncrementalQueryFindsThem() throws Exception {
        clock.advance(Duration.ofDays(30));
        autotask.editHours(2, "2.5");
        autotask.delete(3);
        long added = autotask.add(7002, "Remote Support", Instant.parse("2026-10-30T10:00:00Z"), "1");

        JsonNode changed = json(
                query(
                        "TimeEntries",
                        "{\"filter\":[{\"op\":\"gt\",\"field\":\"lastModifiedDateTime\",\"value\":\"2026-11-01T04:00:00Z\"}]}"));
        JsonNode all = json(query("TimeEntries", "{\"filter\":[{\"op\":\"gte\",\"field\":\"id\",\"value\":0}]}"));

        assertThat(ids(changed)).containsExactly(2L, added);
        assertThat(changed.path("items").get(0).path("hoursWorked").decimalValue())
                .isEqualByComparingTo("2.5");
        assertThat(ids(all)).containsExactly(1L, 2L, 4L, added);
    }

    @Test
    void modes_throttleFailTokenExpiryAndMalformedPage_behaveAsDocumented() throws Exception {
        String all = "{\"MaxRecords\":2,\"filter\":[{\"op\":\"gte\",\"field\":\"id\",\"value\":0}]}";
        autotask.mode(Mode.THROTTLE);
        HttpResponse<String> first = query("Companies", all);
        HttpResponse<String> second = query("Companies", all);
        assertThat(List.of(first.statusCode(), second.statusCode())).containsExactly(200, 429);
        assertThat(second.headers().firstValue("Retry-After")).contains("1");

        autotask.mode(Mode.FAIL_5XX);
        assertThat(query("Companies", all).statusCode()).isEqualTo(503);
        assertThat(query("Companies", all).statusCode()).isEqualTo(500);

        autotask.mode(Mode.TOKEN_EXPIRY);
        assertThat(query("Companies", all).statusCode()).isEqualTo(200);
        assertThat(query("Companies", all).statusCode()).isEqualTo(200);
        assertThat(query("Companies", all).statusCode()).isEqualTo(401);

        autotask.mode(Mode.MALFORMED_PAGE);
        JsonNode page1 = json(query("TimeEntries", all));
        String page2 = send("GET", page1.path("pageDetails").path("nextPageUrl").asText(), null)
                .body();
        assertThat(page2).startsWith("{\"items\":[");
        assertThat(isJson(page2)).isFalse();
    }

    @Test
    void hourlyLimit_isCountedOnTheSimulatorsClock_and429sBeyondIt() throws Exception {
        autotask.close();
        autotask = AutotaskSimulator.builder(AutotaskData.builder().build())
                .clock(clock)
                .hourlyLimit(2)
                .start();
        String all = "{\"filter\":[{\"op\":\"gte\",\"field\":\"id\",\"value\":0}]}";

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(query("Companies", all).statusCode());
        }
        int used = autotask.requestsInLastHour();
        clock.advance(Duration.ofMinutes(61));

        assertThat(statuses).containsExactly(200, 200, 429);
        assertThat(used).isEqualTo(3);
        assertThat(autotask.requestsInLastHour()).isZero();
        assertThat(query("Companies", all).statusCode()).isEqualTo(200);
    }

    @Test
    void generatedMsp_ofTwoThousandCompanies_servesItsPagesQuickly() throws Exception {
        autotask.close();
        SampleMsp msp = SampleMsp.generate(7, 2000, 4, AS_OF);
        long started = System.nanoTime();
        AutotaskData data = AutotaskData.from(msp, 75);
        long generated = System.nanoTime() - started;
        autotask = AutotaskSimulator.builder(data).clock(clock).start();

        assertThat(data.companyCount()).isEqualTo(2002);
        assertThat(data.timeEntryCount()).isEqualTo(2001 * 75);
        assertThat(generated).isLessThan(Duration.ofSeconds(10).toNanos());
        assertThat(AutotaskData.from(msp, 75).timeEntryIds()).isEqualTo(data.timeEntryIds());

        Set<Long> seen = new HashSet<>();
        String url = null;
        long pages = 0;
        started = System.nanoTime();
        JsonNode page = json(query(
                "TimeEntries",
                "{\"MaxRecords\":500,\"IncludeFields\":[\"id\"],\"filter\":[{\"op\":\"gte\",\"field\":\"dateWorked\","
                        + "\"value\":\"2026-10-01T00:00:00Z\"}]}"));
        while (true) {
            pages++;
            page.path("items").forEach(i -> seen.add(i.path("id").asLong()));
            url = page.path("pageDetails").path("nextPageUrl").asText(null);
            if (url == null || url.equals("null")) {
                break;
            }
            page = json(send("GET", url, null));
        }
        long swept = System.nanoTime() - started;

        assertThat(seen).hasSizeGreaterThan(50_000);
        assertThat(pages).isEqualTo((seen.size() + 499) / 500);
        assertThat(swept).isLessThan(Duration.ofSeconds(30).toNanos());
        assertThat(data.companyIdOf(msp.customers().get(0).id())).isEqualTo(1000);
    }

    private static boolean isJson(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
