package io.truecount.connector.ninjaone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.truecount.connector.MalformedPageException;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SourceUnavailableException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.testing.CollectingSink;
import io.truecount.connector.testing.ConnectorHarness;
import io.truecount.connector.testing.TestSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the NinjaOne connector rides out throttling, outages and broken pages. */
class NinjaOneResilienceTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final NinjaOneStubs ninja = new NinjaOneStubs(harness.wireMock());
    private final SyncStats stats = new SyncStats();

    @BeforeEach
    void ninjaIssuesTokensAndHasOneOrganization() {
        ninja.tokenIssues("tok-1");
        ninja.organizations("[{\"id\":12,\"name\":\"Acme Dental\"}]");
    }

    private TestSettings settings() {
        return harness.settings("ninjaone")
                .id("ninja")
                .credential("client-id", "client-1")
                .credential("client-secret", NinjaOneStubs.CLIENT_SECRET)
                .option("page-size", "2");
    }

    private SourceConnector connector(TestSettings settings) {
        return new NinjaOneConnectorType().createSource(settings.build(), harness.runtime());
    }

    /** The first devices page answers each of the given responses once, in order, then the devices 1..1. */
    private void firstDevicesPageAnswers(ResponseDefinitionBuilder... failures) {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.length; i++) {
            String nextState = "answered " + (i + 1);
            harness.wireMock()
                    .stubFor(get(urlPathEqualTo(NinjaOneConnector.DEVICES))
                            .inScenario("devices")
                            .whenScenarioStateIs(state)
                            .willReturn(failures[i])
                            .willSetStateTo(nextState));
            state = nextState;
        }
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(NinjaOneConnector.DEVICES))
                        .inScenario("devices")
                        .whenScenarioStateIs(state)
                        .willReturn(okJson(NinjaOneStubs.devices(1, 1))));
    }

    @Test
    void throttled_isRetriedAfterTheRetryAfterNinjaAskedFor_andCountedAsThrottle() {
        firstDevicesPageAnswers(aResponse().withStatus(429).withHeader("Retry-After", "1"));
        CollectingSink sink = new CollectingSink();

        connector(settings()).sync(sink, stats);

        List<LoggedRequest> attempts = ninja.requestsTo(NinjaOneConnector.DEVICES);
        assertThat(attempts).hasSize(2);
        long waitedMillis = attempts.get(1).getLoggedDate().getTime()
                - attempts.get(0).getLoggedDate().getTime();
        assertThat(waitedMillis).isGreaterThanOrEqualTo(1000);
        assertThat(stats.throttles()).isEqualTo(1);
        assertThat(stats.retries()).isEqualTo(1);
        assertThat(sink.assets()).hasSize(1);
    }

    @Test
    void serviceUnavailableTwice_thenSuccess_takesTwoRetries() {
        firstDevicesPageAnswers(aResponse().withStatus(503), aResponse().withStatus(503));
        CollectingSink sink = new CollectingSink();

        connector(settings()).sync(sink, stats);

        assertThat(ninja.requestsTo(NinjaOneConnector.DEVICES)).hasSize(3);
        assertThat(stats.retries()).isEqualTo(2);
        assertThat(stats.throttles()).isZero();
        assertThat(sink.assets()).hasSize(1);
    }

    @Test
    void persistentServerError_isSourceUnavailableAfterMaxAttempts() {
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(NinjaOneConnector.DEVICES)).willReturn(serverError()));

        assertThatThrownBy(() ->
                        connector(settings().option("retry.max-attempts", "3")).sync(new CollectingSink(), stats))
                .isInstanceOfSatisfying(SourceUnavailableException.class, e -> {
                    assertThat(e.lastStatus()).isEqualTo(500);
                    assertThat(e.url()).isEqualTo(harness.baseUrl() + NinjaOneConnector.DEVICES + "?pageSize=2");
                })
                .hasMessageStartingWith("connector 'ninja': ")
                .hasMessageContaining("3 attempts");
        assertThat(ninja.requestsTo(NinjaOneConnector.DEVICES)).hasSize(3);
    }

    @Test
    void truncatedPage_isMalformedPage_namingUrlAndPageNumber() {
        ninja.devicesPage(null, 1, 2);
        ninja.page(NinjaOneConnector.DEVICES, "2", okJson("[{\"id\":3,\"organizationId\":12,\"nodeCl"));
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> connector(settings()).sync(sink, stats))
                .isInstanceOfSatisfying(MalformedPageException.class, e -> assertThat(e.pageNumber())
                        .isEqualTo(2))
                .hasMessageContaining(
                        "page 2 of " + harness.baseUrl() + NinjaOneConnector.DEVICES + "?pageSize=2&after=2")
                .hasMessageContaining("not valid JSON");
        assertThat(sink.assetPages()).hasSize(1);
    }

    @Test
    void deviceWithoutNodeClass_makesItsPageMalformed() {
        ninja.page(
                NinjaOneConnector.DEVICES,
                null,
                okJson("[{\"id\":1,\"organizationId\":12,\"nodeClass\":\"MAC\"},{\"id\":2,\"organizationId\":12}]"));

        assertThatThrownBy(() -> connector(settings()).sync(new CollectingSink(), stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("page 1 of " + harness.baseUrl() + NinjaOneConnector.DEVICES)
                .hasMessageContaining("device 2 has no 'nodeClass'");
    }

    @Test
    void objectInsteadOfArray_isMalformedPage() {
        ninja.page(NinjaOneConnector.DEVICES, null, okJson("{\"devices\":[]}"));

        assertThatThrownBy(() -> connector(settings()).sync(new CollectingSink(), stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("expected the body to be a JSON array, got a JSON object");
    }

    @Test
    void openCircuit_failsFastWithoutCallingNinja() {
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(NinjaOneConnector.DEVICES)).willReturn(serverError()));
        SourceConnector connector =
                connector(settings().option("retry.max-attempts", "3").option("circuit.minimum-calls", "4"));
        assertThatThrownBy(() -> connector.sync(new CollectingSink(), stats))
                .isInstanceOf(SourceUnavailableException.class);
        int requestsBefore = harness.wireMock().getAllServeEvents().size();

        long started = System.nanoTime();
        assertThatThrownBy(() -> connector.sync(new CollectingSink(), stats))
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("circuit breaker is open");

        assertThat(harness.wireMock().getAllServeEvents()).hasSize(requestsBefore);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }
}
