package io.truecount.connector.atera;

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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the Atera connector rides out throttling, outages and broken pages. */
class AteraResilienceTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final AteraStubs atera = new AteraStubs(harness.wireMock());
    private final SyncStats stats = new SyncStats();

    @BeforeEach
    void ateraHasOneCustomer() {
        atera.customers(3001);
    }

    private TestSettings settings() {
        return harness.settings("atera")
                .id("atera")
                .credential("api-key", AteraStubs.API_KEY)
                .option("page-size", "2");
    }

    private SourceConnector connector(TestSettings settings) {
        return new AteraConnectorType().createSource(settings.build(), harness.runtime());
    }

    /** The first agents page answers each of the given responses once, in order, then agent 1 as the only page. */
    private void firstAgentsPageAnswers(ResponseDefinitionBuilder... failures) {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.length; i++) {
            String nextState = "answered " + (i + 1);
            harness.wireMock()
                    .stubFor(get(urlPathEqualTo(AteraConnector.AGENTS))
                            .inScenario("agents")
                            .whenScenarioStateIs(state)
                            .willReturn(failures[i])
                            .willSetStateTo(nextState));
            state = nextState;
        }
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(AteraConnector.AGENTS))
                        .inScenario("agents")
                        .whenScenarioStateIs(state)
                        .willReturn(okJson(AteraStubs.envelope(AteraStubs.agents(1, 1), 1, 1))));
    }

    @Test
    void throttled_isRetriedAfterTheRetryAfterAteraAskedFor_andCountedAsThrottle() {
        firstAgentsPageAnswers(aResponse().withStatus(429).withHeader("Retry-After", "1"));
        CollectingSink sink = new CollectingSink();

        connector(settings()).sync(sink, stats);

        List<LoggedRequest> attempts = atera.requestsTo(AteraConnector.AGENTS);
        assertThat(attempts).hasSize(2);
        long waitedMillis = attempts.get(1).getLoggedDate().getTime()
                - attempts.get(0).getLoggedDate().getTime();
        assertThat(waitedMillis).isGreaterThanOrEqualTo(1000);
        assertThat(stats.throttles()).isEqualTo(1);
        assertThat(stats.retries()).isEqualTo(1);
        assertThat(sink.assets()).hasSize(1);
    }

    @Test
    void serverErrorsTwice_thenSuccess_takesTwoRetries() {
        firstAgentsPageAnswers(aResponse().withStatus(503), aResponse().withStatus(502));
        CollectingSink sink = new CollectingSink();

        connector(settings()).sync(sink, stats);

        assertThat(atera.requestsTo(AteraConnector.AGENTS)).hasSize(3);
        assertThat(stats.retries()).isEqualTo(2);
        assertThat(stats.throttles()).isZero();
        assertThat(sink.assets()).hasSize(1);
    }

    @Test
    void persistentServerError_isSourceUnavailableAfterMaxAttempts() {
        harness.wireMock().stubFor(get(urlPathEqualTo(AteraConnector.AGENTS)).willReturn(serverError()));

        assertThatThrownBy(() ->
                        connector(settings().option("retry.max-attempts", "3")).sync(new CollectingSink(), stats))
                .isInstanceOfSatisfying(SourceUnavailableException.class, e -> {
                    assertThat(e.lastStatus()).isEqualTo(500);
                    assertThat(e.url()).isEqualTo(harness.baseUrl() + AteraConnector.AGENTS + "?page=1&itemsInPage=2");
                })
                .hasMessageStartingWith("connector 'atera': ")
                .hasMessageContaining("3 attempts");
        assertThat(atera.requestsTo(AteraConnector.AGENTS)).hasSize(3);
    }

    @Test
    void truncatedPage_isMalformedPage_namingUrlAndPageNumber() {
        atera.agentsPage(1, 3, 1, 2);
        atera.page(AteraConnector.AGENTS, 2, okJson("{\"items\":[{\"AgentID\":3,\"CustomerID\":30"));
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> connector(settings()).sync(sink, stats))
                .isInstanceOfSatisfying(MalformedPageException.class, e -> assertThat(e.pageNumber())
                        .isEqualTo(2))
                .hasMessageStartingWith("connector 'atera': ")
                .hasMessageContaining(
                        "page 2 of " + harness.baseUrl() + AteraConnector.AGENTS + "?itemsInPage=2&page=2")
                .hasMessageContaining("not valid JSON");
        assertThat(sink.assetPages()).hasSize(1);
    }

    @Test
    void emptyPageBeforeTotalPages_isMalformed_notAShortListing() {
        atera.agentsPage(1, 3, 1, 2);
        atera.page(AteraConnector.AGENTS, 2, okJson(AteraStubs.envelope("[]", 2, 3)));

        assertThatThrownBy(() -> connector(settings()).sync(new CollectingSink(), stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("page 2 of ")
                .hasMessageContaining("no records on page 2 of 3");
    }

    @Test
    void agentWithoutOsType_makesItsPageMalformed_andNothingOfItIsDelivered() {
        atera.page(
                AteraConnector.AGENTS,
                1,
                okJson(AteraStubs.envelope(
                        "[{\"AgentID\":1,\"CustomerID\":3001,\"OSType\":\"Server\"},{\"AgentID\":2,\"CustomerID\":3001}]",
                        1,
                        1)));
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> connector(settings()).sync(sink, stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("page 1 of " + harness.baseUrl() + AteraConnector.AGENTS)
                .hasMessageContaining("agent 2 has no 'OSType'");
        assertThat(sink.assets()).isEmpty();
    }

    @Test
    void bodyWithoutItems_orWithoutTotalPages_isMalformedPage() {
        atera.page(AteraConnector.AGENTS, 1, okJson("[]"));
        assertThatThrownBy(() -> connector(settings()).sync(new CollectingSink(), stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("expected a JSON object with 'items', got a JSON array");

        atera.page(AteraConnector.AGENTS, 1, okJson("{\"items\":[]}"));
        assertThatThrownBy(() -> connector(settings()).sync(new CollectingSink(), stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("expected 'totalPages' to be a whole number, got nothing");
    }
}
