package io.truecount.connector.halopsa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.truecount.connector.CredentialsException;
import io.truecount.connector.MalformedPageException;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SourceUnavailableException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.testing.ConnectorHarness;
import io.truecount.connector.testing.TestSettings;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the HaloPSA connector rides out throttling, outages, expired credentials and broken pages. */
class HaloPsaResilienceTest {

    private static final String ACTIONS = HaloStubs.API + HaloPsaConnector.ACTIONS;

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final HaloStubs halo = new HaloStubs(harness.wireMock());
    private final SyncStats stats = new SyncStats();

    @BeforeEach
    void haloHasOneClientWithOneTicket() {
        halo.tokenIssues("tok-1");
        halo.emptyBeyondStubbedPages();
        halo.clients("{\"id\":7,\"name\":\"Acme Dental\"}");
        halo.tickets(HaloStubs.ticket(1234, 7));
    }

    private TestSettings settings() {
        return harness.settings("halopsa")
                .id("halo")
                .baseUrl(URI.create(harness.baseUrl() + HaloStubs.API))
                .credential("client-id", "client-1")
                .credential("client-secret", HaloStubs.CLIENT_SECRET)
                .option("page-size", "2");
    }

    private SourceConnector connector(TestSettings settings) {
        return new HaloPsaConnectorType().createSource(settings.build(), harness.runtime());
    }

    /** The first actions page answers each of the given responses once, in order, then one action. */
    private void firstActionsPageAnswers(ResponseDefinitionBuilder... failures) {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.length; i++) {
            String nextState = "answered " + (i + 1);
            harness.wireMock()
                    .stubFor(get(urlPathEqualTo(ACTIONS))
                            .inScenario("actions")
                            .whenScenarioStateIs(state)
                            .willReturn(failures[i])
                            .willSetStateTo(nextState));
            state = nextState;
        }
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(ACTIONS))
                        .inScenario("actions")
                        .whenScenarioStateIs(state)
                        .willReturn(okJson(HaloStubs.listBody("actions", HaloStubs.actions(1, 1)))));
    }

    @Test
    void throttled_isRetriedAfterTheRetryAfterHaloAskedFor_andCountedAsThrottle() {
        firstActionsPageAnswers(aResponse().withStatus(429).withHeader("Retry-After", "1"));
        TimeSink sink = new TimeSink();

        connector(settings()).sync(sink, stats);

        List<LoggedRequest> attempts = halo.requestsTo(HaloPsaConnector.ACTIONS);
        assertThat(attempts).hasSize(2);
        long waitedMillis = attempts.get(1).getLoggedDate().getTime()
                - attempts.get(0).getLoggedDate().getTime();
        assertThat(waitedMillis).isGreaterThanOrEqualTo(1000);
        assertThat(stats.throttles()).isEqualTo(1);
        assertThat(sink.entries()).hasSize(1);
    }

    @Test
    void serverErrorsTwice_thenSuccess_takesTwoRetries() {
        firstActionsPageAnswers(aResponse().withStatus(502), aResponse().withStatus(503));
        TimeSink sink = new TimeSink();

        connector(settings()).sync(sink, stats);

        assertThat(halo.requestsTo(HaloPsaConnector.ACTIONS)).hasSize(3);
        assertThat(stats.retries()).isEqualTo(2);
        assertThat(stats.throttles()).isZero();
        assertThat(sink.entries()).hasSize(1);
    }

    @Test
    void persistentServerError_isSourceUnavailable_andNoTimeIsDelivered() {
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(ACTIONS)).willReturn(aResponse().withStatus(500)));
        TimeSink sink = new TimeSink();

        assertThatThrownBy(() ->
                        connector(settings().option("retry.max-attempts", "3")).sync(sink, stats))
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessageStartingWith("connector 'halo': ");
        assertThat(halo.requestsTo(HaloPsaConnector.ACTIONS)).hasSize(3);
        assertThat(sink.entries()).isEmpty();
    }

    @Test
    void expiredToken_isRenewedOnce_andTheRunGoesOn() {
        firstActionsPageAnswers(aResponse().withStatus(401));
        TimeSink sink = new TimeSink();

        connector(settings()).sync(sink, stats);

        assertThat(halo.tokenRequests()).hasSize(2);
        assertThat(sink.entries()).hasSize(1);
    }

    @Test
    void unauthorizedAfterARenewedToken_isACredentialsFailure_withoutTheSecret() {
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(ACTIONS))
                        .willReturn(aResponse()
                                .withStatus(401)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"error\":\"invalid_token\"}")));

        assertThatThrownBy(() -> connector(settings()).sync(new TimeSink(), stats))
                .isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("connector 'halo': ")
                .hasMessageNotContaining(HaloStubs.CLIENT_SECRET);
        assertThat(halo.tokenRequests()).hasSize(2);
        assertThat(halo.requestsTo(HaloPsaConnector.ACTIONS)).hasSize(2);
    }

    @Test
    void refusedClientCredentials_isACredentialsFailure() {
        harness.wireMock()
                .stubFor(post(urlPathEqualTo(HaloStubs.TOKEN))
                        .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_client\"}")));

        assertThatThrownBy(() -> connector(settings()).sync(new TimeSink(), stats))
                .isInstanceOfSatisfying(CredentialsException.class, e -> assertThat(e.vendorErrorCode())
                        .isEqualTo("invalid_client"))
                .hasMessageNotContaining(HaloStubs.CLIENT_SECRET);
    }

    @Test
    void truncatedPage_isMalformedPage_namingUrlAndPageNumber_afterTheGoodPagesWereDelivered() {
        halo.actions(1, HaloStubs.actions(1, 2));
        halo.page(HaloPsaConnector.ACTIONS, 2, okJson("{\"record_count\":4,\"actions\":[{\"id\":3,\"ticket_"));
        TimeSink sink = new TimeSink();

        assertThatThrownBy(() -> connector(settings()).sync(sink, stats))
                .isInstanceOfSatisfying(MalformedPageException.class, e -> assertThat(e.pageNumber())
                        .isEqualTo(2))
                .hasMessageStartingWith("connector 'halo': ")
                .hasMessageContaining("page 2 of " + harness.baseUrl() + ACTIONS
                        + "?pageinate=true&excludesys=true&page_size=2&page_no=2")
                .hasMessageContaining("not valid JSON");
        assertThat(sink.timePages).hasSize(1);
    }

    @Test
    void aPageWithoutItsListKey_isMalformed() {
        halo.page(HaloPsaConnector.ACTIONS, 1, okJson("{\"record_count\":0}"));

        assertThatThrownBy(() -> connector(settings()).sync(new TimeSink(), stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("expected field 'actions' to be a JSON array, got nothing");
    }

    @Test
    void anActionWithoutTime_makesItsPageMalformed_andNothingOfThePageIsDelivered() {
        halo.actions(
                1,
                List.of(
                        HaloStubs.action(1),
                        "{\"id\":2,\"ticket_id\":1234,\"datetime\":\"2026-02-13T10:00:00Z\",\"actisbillable\":true}"));
        TimeSink sink = new TimeSink();

        assertThatThrownBy(() -> connector(settings()).sync(sink, stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("page 1 of " + harness.baseUrl() + ACTIONS)
                .hasMessageContaining("action 2 of ticket 1234 has no 'timetaken'");
        assertThat(sink.entries()).isEmpty();
    }
}
