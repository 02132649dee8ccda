package io.truecount.sim.datto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.sim.msp.SampleDevice;
import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.msp.SampleOrganization;
import io.truecount.sim.vendor.Mode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DattoSimulatorTest {

    private static final Instant AS_OF = Instant.parse("2026-03-31T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PUBLIC_CLIENT =
            "Basic " + Base64.getEncoder().encodeToString("public-client:public".getBytes(StandardCharsets.UTF_8));
    private static final HandClock CLOCK = new HandClock(AS_OF);
    private static SampleMsp msp;
    private static DattoSimulator simulator;

    /** A clock the test moves by hand, for the IP block and token expiry. */
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

    @BeforeAll
    static void start() {
        msp = SampleMsp.generate(11, 6, 20, AS_OF);
        simulator = DattoSimulator.builder(DattoData.from(msp))
                .clock(CLOCK)
                .tokenLifetime(Duration.ofHours(100))
                .throttleEvery(2)
                .start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @AfterEach
    void backToNormal() {
        simulator.mode(Mode.NORMAL);
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

    private static HttpResponse<String> token(String basic, String key, String secret) {
        String form = "grant_type=password&username=" + key + "&password=" + secret;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/auth/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (basic != null) {
            request.header("Authorization", basic);
        }
        return send(request.build());
    }

    private static String bearer() {
        return json(token(PUBLIC_CLIENT, simulator.apiKey(), simulator.apiSecret())
                        .body())
                .get("access_token")
                .asText();
    }

    private static HttpResponse<String> get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** Every record of a listing, following nextPageUrl from the first page. */
    private static List<JsonNode> all(String url, String field, String token) {
        List<JsonNode> records = new ArrayList<>();
        String next = url;
        while (next != null) {
            JsonNode page = json(get(next, token).body());
            page.get(field).forEach(records::add);
            JsonNode link = page.path("pageDetails").path("nextPageUrl");
            next = link.isNull() ? null : link.asText();
        }
        return records;
    }

    @Test
    void token_needsThePublicClientAndTheRightKeyAndSecret() {
        assertThat(token(null, simulator.apiKey(), simulator.apiSecret()).statusCode())
                .isEqualTo(401);
        HttpResponse<String> wrong = token(PUBLIC_CLIENT, simulator.apiKey(), "nope");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong.body()).get("error").asText()).isEqualTo("invalid_grant");
        JsonNode issued = json(
                token(PUBLIC_CLIENT, simulator.apiKey(), simulator.apiSecret()).body());
        assertThat(issued.get("expires_in").asLong())
                .isEqualTo(Duration.ofHours(100).toSeconds());
    }

    @Test
    void sitesAndDevices_followNextPageUrl_andHoldTheMspsEstate() {
        String token = bearer();
        List<JsonNode> sites = all(simulator.baseUrl() + "/api/v2/account/sites?max=4", "sites", token);
        assertThat(sites)
                .extracting(s -> s.get("uid").asText())
                .containsExactlyElementsOf(msp.organizations().stream()
                        .map(o -> DattoData.siteUid(o.id()))
                        .toList());

        Set<String> served = new HashSet<>();
        for (JsonNode site : sites) {
            String uid = site.get("uid").asText();
            for (JsonNode device :
                    all(simulator.baseUrl() + "/api/v2/site/" + uid + "/devices?max=7", "devices", token)) {
                assertThat(device.get("siteUid").asText()).isEqualTo(uid);
                served.add(device.get("uid").asText());
            }
        }
        Set<String> expected = new HashSet<>();
        for (SampleOrganization org : msp.organizations()) {
            for (SampleDevice device : org.devices()) {
                if (!device.approvalStatus().equals("PENDING")) {
                    expected.add(device.uid());
                }
            }
        }
        assertThat(served).isEqualTo(expected);
    }

    @Test
    void unknownSite_is404_andNoToken_is401() {
        assertThat(get(simulator.baseUrl() + "/api/v2/site/nope/devices", bearer())
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(simulator.baseUrl() + "/api/v2/account/sites", "forged").statusCode())
                .isEqualTo(401);
    }

    @Test
    void kindOf_followsHowDattoTypesDevices() {
        assertThat(DattoData.kindOf("WINDOWS_SERVER")).isEqualTo(new DattoData.Kind("device", "Server"));
        assertThat(DattoData.kindOf("VMWARE_VM_HOST")).isEqualTo(new DattoData.Kind("esxihost", "ESXi Host"));
        assertThat(DattoData.kindOf("NMS_PRINTER")).isEqualTo(new DattoData.Kind("printer", "Printer"));
        assertThat(DattoData.kindOf("NMS_SWITCH")).isEqualTo(new DattoData.Kind("rmmnetworkdevice", "Network Device"));
        assertThat(DattoData.kindOf("WINDOWS_WORKSTATION")).isEqualTo(new DattoData.Kind("device", "Desktop"));
        assertThat(DattoData.kindOf("APPLE_IOS")).isEqualTo(new DattoData.Kind("device", "Mobile"));
        assertThat(DattoData.kindOf("CLOUD_MONITOR_TARGET")).isEqualTo(new DattoData.Kind("unknown", null));
    }

    @Test
    void throttle_answers429_andBlocksAClientThatDoesNotWait() {
        String token = bearer();
        String url = simulator.baseUrl() + "/api/v2/account/sites?max=1";
        simulator.mode(Mode.THROTTLE);

        assertThat(get(url, token).statusCode()).isEqualTo(200);
        HttpResponse<String> throttled = get(url, token);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("1");
        assertThat(get(url, token).statusCode()).isEqualTo(403);

        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(get(url, token).statusCode()).isEqualTo(200);
    }

    @Test
    void tokenExpiry_stopsATokenAfterKDataRequests() {
        String token = bearer();
        String url = simulator.baseUrl() + "/api/v2/account/sites?max=1";
        simulator.mode(Mode.TOKEN_EXPIRY);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(get(url, token).statusCode());
        }
        assertThat(statuses).containsExactly(200, 200, 200, 401);
        assertThat(get(url, bearer()).statusCode()).isEqualTo(200);
    }

    @Test
    void tokens_expireByTheClock() {
        String token = bearer();
        CLOCK.advance(Duration.ofHours(100));
        assertThat(get(simulator.baseUrl() + "/api/v2/account/sites", token).statusCode())
                .isEqualTo(401);
    }

    @Test
    void malformedPage_cutsTheSecondDevicesPage() {
        String token = bearer();
        SampleOrganization largest = msp.organizations().stream()
                .max(java.util.Comparator.comparingInt(o -> o.devices().size()))
                .orElseThrow();
        String site = DattoData.siteUid(largest.id());
        simulator.mode(Mode.MALFORMED_PAGE);

        String first = get(simulator.baseUrl() + "/api/v2/site/" + site + "/devices?max=2", token)
                .body();
        String second = get(simulator.baseUrl() + "/api/v2/site/" + site + "/devices?max=2&page=1", token)
                .body();

        assertThat(json(first).get("devices")).hasSize(2);
        assertThat(second).doesNotEndWith("}");
    }
}
