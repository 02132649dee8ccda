package io.truecount.sim.ninjaone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.sim.msp.SampleDevice;
import io.truecount.sim.vendor.Mode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class NinjaOneModesTest {

    private static final Instant SEEN = Instant.parse("2026-03-30T08:00:00.250Z");

    @Test
    void throttle_everyThirdDataRequest_gets429WithRetryAfter() {
        try (NinjaOneSimulator sim = simulator(b -> b.throttleEvery(3))) {
            NinjaClient client = new NinjaClient(sim.baseUrl());
            String token = client.token(sim);
            sim.mode(Mode.THROTTLE);

            List<HttpResponse<String>> responses = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                responses.add(client.get("/v2/devices-detailed", token));
            }

            assertThat(responses)
                    .extracting(HttpResponse::statusCode)
                    .containsExactly(200, 200, 429, 200, 200, 429, 200);
            assertThat(responses.get(2).headers().firstValue("Retry-After")).hasValue("1");
        }
    }

    @Test
    void throttle_everyRequest_stillLetsTheRequestAfterA429Through() {
        try (NinjaOneSimulator sim = simulator(b -> b.throttleEvery(1))) {
            NinjaClient client = new NinjaClient(sim.baseUrl());
            String token = client.token(sim);
            sim.mode(Mode.THROTTLE);

            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(client.get("/v2/organizations", token).statusCode());
            }

            assertThat(statuses).containsExactly(429, 200, 429, 200);
            assertThat(client.token(sim))
                    .as("the token endpoint is never throttled")
                    .isNotBlank();
        }
    }

    @Test
    void throttle_requestTimes_showHowLongTheClientWaitedBeforeRetrying() throws InterruptedException {
        try (NinjaOneSimulator sim = simulator(b -> b.throttleEvery(1))) {
            NinjaClient client = new NinjaClient(sim.baseUrl());
            String token = client.token(sim);
            sim.mode(Mode.THROTTLE);

            HttpResponse<String> throttled = client.get("/v2/devices-detailed", token);
            Thread.sleep(
                    Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()) * 1000);
            client.get("/v2/devices-detailed", token);

            List<ServedRequest> devices = sim.requests().stream()
                    .filter(r -> r.endpoint() == Endpoint.DEVICES)
                    .toList();
            assertThat(devices).extracting(ServedRequest::status).containsExactly(429, 200);
            assertThat(Duration.between(devices.get(0).at(), devices.get(1).at()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void fail5xx_everyDataRequestFails_whileTokensAreStillIssued() {
        try (NinjaOneSimulator sim = simulator(UnaryOperator.identity())) {
            NinjaClient client = new NinjaClient(sim.baseUrl());
            sim.mode(Mode.FAIL_5XX);
            String token = client.token(sim);

            List<HttpResponse<String>> responses = List.of(
                    client.get("/v2/organizations", token),
                    client.get("/v2/devices-detailed", token),
                    client.get("/v2/devices-detailed", token),
                    client.get("/v2/devices-detailed", token));

            assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(503, 500, 503, 500);
            assertThat(responses.get(0).headers().firstValue("Content-Type")).hasValue("text/html");
        }
    }

    @Test
    void flaky5xx_everySecondDataRequestFailsOnce() {
        try (NinjaOneSimulator sim = simulator(b -> b.flakyEvery(2))) {
            NinjaClient client = new NinjaClient(sim.baseUrl());
            String token = client.token(sim);
            sim.mode(Mode.FLAKY_5XX);

            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                statuses.add(client.get("/v2/devices-detailed", token).statusCode());
            }

            assertThat(statuses).containsExactly(200, 503, 200, 503, 200);
        }
    }

    @Test
    void tokenExpiry_tokenStopsAfterKDataRequests_andANewTokenWorks() {
        try (NinjaOneSimulator sim = simulator(b -> b.tokenRequestLimit(2))) {
            NinjaClient client = new NinjaClient(sim.baseUrl());
            String used = client.token(sim);
            assertThat(client.get("/v2/organizations", used).statusCode()).isEqualTo(200);
            sim.mode(Mode.TOKEN_EXPIRY);

            List<Integer> first = statuses(client, used, 3);
            List<Integer> second = statuses(client, client.token(sim), 3);

            assertThat(first).as("uses before the mode switch do not count").containsExactly(200, 200, 401);
            assertThat(second).containsExactly(200, 200, 401);
        }
    }

    @Test
    void malformedPage_secondDevicesPageIsTruncatedJson_onEveryAttempt() {
        try (NinjaOneSimulator sim = simulator(UnaryOperator.identity())) {
            NinjaClient client = new NinjaClient(sim.baseUrl());
            String token = client.token(sim);
            sim.mode(Mode.MALFORMED_PAGE);

            HttpResponse<String> first = client.get("/v2/devices-detailed?pageSize=2", token);
            String after =
                    "&after=" + NinjaClient.json(first.body()).get(1).get("id").asText();
            HttpResponse<String> second = client.get("/v2/devices-detailed?pageSize=2" + after, token);
            HttpResponse<String> retried = client.get("/v2/devices-detailed?pageSize=2" + after, token);
            HttpResponse<String> third = client.get("/v2/devices-detailed?pageSize=2&after=4", token);

            assertThat(NinjaClient.json(first.body())).hasSize(2);
            assertThat(second.statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> NinjaClient.json(second.body())).isInstanceOf(IllegalStateException.class);
            assertThat(retried.body()).isEqualTo(second.body());
            assertThat(NinjaClient.json(third.body())).hasSize(1);
            assertThat(NinjaClient.json(client.get("/v2/organizations?pageSize=1&after=1", token)
                            .body()))
                    .as("organizations are not affected")
                    .hasSize(1);
        }
    }

    @Test
    void slow_delaysEveryResponseByTheConfiguredAmount() {
        Duration delay = Duration.ofMillis(400);
        try (NinjaOneSimulator sim = simulator(b -> b.slowDelay(delay))) {
            NinjaClient client = new NinjaClient(sim.baseUrl());
            String token = client.token(sim);
            sim.mode(Mode.SLOW);

            long started = System.nanoTime();
            HttpResponse<String> response = client.get("/v2/devices-detailed", token);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(took).isGreaterThanOrEqualTo(delay);
        }
    }

    @Test
    void normal_afterAFailureMode_servesEveryRequestAgain() {
        try (NinjaOneSimulator sim = simulator(UnaryOperator.identity())) {
            NinjaClient client = new NinjaClient(sim.baseUrl());
            String token = client.token(sim);
            sim.mode(Mode.FAIL_5XX);
            int failed = client.get("/v2/devices-detailed", token).statusCode();
            sim.mode(Mode.NORMAL);

            assertThat(failed).isEqualTo(503);
            assertThat(statuses(client, token, 4)).containsOnly(200);
            assertThat(sim.mode()).isEqualTo(Mode.NORMAL);
        }
    }

    /** Five devices in one organization, ids 1–5. */
    private static NinjaOneSimulator simulator(UnaryOperator<NinjaOneSimulator.Builder> settings) {
        NinjaOneData.Builder data =
                NinjaOneData.builder().organization(1, "Acme Dental").organization(2, "Beta Law");
        for (long id = 1; id <= 5; id++) {
            data.device(SampleDevice.builder(id, 1).lastContact(SEEN).build());
        }
        return settings.apply(NinjaOneSimulator.builder(data.build())).start();
    }

    private static List<Integer> statuses(NinjaClient client, String token, int requests) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(client.get("/v2/devices-detailed", token).statusCode());
        }
        return statuses;
    }
}
