package io.truecount.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.SourceUnavailableException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.testing.ConnectorHarness;
import io.truecount.connector.testing.TestSettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ResilientHttpTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final SyncStats stats = new SyncStats();

    private TestSettings settings() {
        return harness.settings("test").id("acme-rmm");
    }

    private ResilientHttp http(ConnectorSettings settings) {
        return ResilientHttp.create(settings, harness.runtime());
    }

    private HttpRequest request() {
        return HttpRequest.get(URI.create(harness.baseUrl() + "/v2/things?pageSize=10"));
    }

    private int requestsSeen() {
        return harness.wireMock().findAll(getRequestedFor(anyUrl())).size();
    }

    @Test
    void aRetryAfter_holdsBackEveryRequestOfTheConnector_notOnlyTheOneThatWasThrottled() throws Exception {
        harness.wireMock()
                .stubFor(get(urlPathEqualTo("/v2/throttled"))
                        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        harness.wireMock().stubFor(get(urlPathEqualTo("/v2/other")).willReturn(ok("[]")));
        ResilientHttp http = http(settings().option("retry.max-attempts", "1").build());

        long start = System.nanoTime();
        // One attempt only: it gives up at once, so whatever waiting follows is the connector-wide pause.
        assertThatThrownBy(() -> http.execute(HttpRequest.get(URI.create(harness.baseUrl() + "/v2/throttled")), stats))
                .isInstanceOfSatisfying(SourceUnavailableException.class, e -> assertThat(e.lastStatus())
                        .isEqualTo(429));
        // Another thread's request, sent right after the 429: it waits out the Retry-After too.
        Thread other = new Thread(
                () -> http.execute(HttpRequest.get(URI.create(harness.baseUrl() + "/v2/other")), new SyncStats()));
        other.start();
        other.join();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(harness.wireMock().findAll(getRequestedFor(urlPathEqualTo("/v2/other"))))
                .hasSize(1);
    }

    @Test
    void clientError_isReturnedWithoutRetry() {
        harness.wireMock().stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404)));

        HttpResponse response = http(settings().build()).execute(request(), stats);

        assertThat(response.status()).isEqualTo(404);
        assertThat(requestsSeen()).isEqualTo(1);
        assertThat(stats.retries()).isZero();
    }

    @Test
    void persistentServerError_givesUpAfterMaxAttempts_namingUrlAndStatus() {
        harness.wireMock().stubFor(get(anyUrl()).willReturn(serverError()));
        ResilientHttp http = http(settings().option("retry.max-attempts", "4").build());

        assertThatThrownBy(() -> http.execute(request(), stats))
                .isInstanceOfSatisfying(SourceUnavailableException.class, e -> {
                    assertThat(e.lastStatus()).isEqualTo(500);
                    assertThat(e.connectorId()).isEqualTo("acme-rmm");
                })
                .hasMessageContaining("connector 'acme-rmm'")
                .hasMessageContaining(harness.baseUrl() + "/v2/things?pageSize=10")
                .hasMessageContaining("4 attempts")
                .hasMessageContaining("HTTP 500");
        assertThat(requestsSeen()).isEqualTo(4);
        assertThat(stats.requests()).isEqualTo(4);
        assertThat(stats.retries()).isEqualTo(3);
    }

    @Test
    void timeouts_areRetried_thenReportedWithoutStatus() {
        harness.wireMock().stubFor(get(anyUrl()).willReturn(ok("[]").withFixedDelay(2_500)));
        ResilientHttp http = http(settings()
                .option("timeout-seconds", "1")
                .option("retry.max-attempts", "2")
                .build());

        assertThatThrownBy(() -> http.execute(request(), stats))
                .isInstanceOfSatisfying(SourceUnavailableException.class, e -> assertThat(e.lastStatus())
                        .isNull())
                .hasMessageContaining("no answer after 2 attempts");
        assertThat(stats.requests()).isEqualTo(2);
    }

    @Test
    void openCircuit_failsFastWithoutCallingTheVendor() {
        harness.wireMock().stubFor(get(anyUrl()).willReturn(serverError()));
        ResilientHttp http = http(settings()
                .option("retry.max-attempts", "2")
                .option("circuit.minimum-calls", "2")
                .build());
        assertThatThrownBy(() -> http.execute(request(), stats)).isInstanceOf(SourceUnavailableException.class);
        int before = requestsSeen();

        assertThatThrownBy(() -> http.execute(request(), stats))
                .isInstanceOfSatisfying(SourceUnavailableException.class, e -> assertThat(e.lastStatus())
                        .isEqualTo(500))
                .hasMessageContaining("circuit breaker is open")
                .hasMessageContaining("refused for up to 60 s");
        assertThat(requestsSeen()).isEqualTo(before);
    }

    @Test
    void openCircuit_letsCallsThroughAgainOnceTheRuntimeClockPassesTheOpenTime() {
        harness.wireMock().stubFor(get(anyUrl()).willReturn(serverError()));
        ResilientHttp http = http(settings()
                .option("retry.max-attempts", "2")
                .option("circuit.minimum-calls", "2")
                .option("circuit.open-seconds", "30")
                .build());
        assertThatThrownBy(() -> http.execute(request(), stats)).isInstanceOf(SourceUnavailableException.class);
        harness.wireMock().stubFor(get(anyUrl()).willReturn(ok("[]")));

        harness.clock().advance(Duration.ofSeconds(31));

        assertThat(http.execute(request(), stats).status()).isEqualTo(200);
    }

    @Test
    void requestsPerSecond_spacesRequestsEvenly() {
        harness.wireMock().stubFor(get(anyUrl()).willReturn(ok("[]")));
        ResilientHttp http = http(settings().requestsPerSecond(20).build());

        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            http.execute(request(), stats);
        }

        // Five requests at 20 per second need four 50 ms gaps; the first gap may be partly over already.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(stats.requests()).isEqualTo(5);
    }
}
