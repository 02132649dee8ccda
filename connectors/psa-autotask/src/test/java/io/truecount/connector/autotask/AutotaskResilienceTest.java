package io.truecount.connector.autotask;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.truecount.connector.CredentialsException;
import io.truecount.connector.MalformedPageException;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SourceException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.testing.ConnectorHarness;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Throttling, outages, refused credentials and pages that are not what Autotask sends. */
class AutotaskResilienceTest {

    private static final String ENTRIES = AutotaskStubs.ROOT + "/TimeEntries/query";

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final AutotaskStubs autotask = new AutotaskStubs(harness.wireMock());
    private final SyncStats stats = new SyncStats();

    @BeforeEach
    void oneCompanyWithOneTicket() {
        AccountLimits.resetForTests();
        autotask.zone();
        autotask.picklists();
        autotask.companies(AutotaskStubs.company(174, "Acme Dental"));
        autotask.resources();
        autotask.billingCodes();
        autotask.tickets(AutotaskStubs.ticket(7001, 174));
    }

    private SourceConnector connector() {
        return new AutotaskConnectorType()
                .createSource(
                        AutotaskConnectorTest.settings(harness, URI.create(harness.baseUrl() + "/ATServicesRest"))
                                .build(),
                        harness.runtime());
    }

    private static String oneEntry() {
        return AutotaskStubs.page(List.of(AutotaskStubs.entry(1, 7001, "1", false, "2026-02-20T10:00:00Z")), null);
    }

    /** The time entry query answers each response once, in order, then one entry. */
    private void entriesAnswer(ResponseDefinitionBuilder... failures) {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.length; i++) {
            String nextState = "answered " + (i + 1);
            harness.wireMock()
                    .stubFor(post(urlPathEqualTo(ENTRIES))
                            .inScenario("entries")
                            .whenScenarioStateIs(state)
                            .willReturn(failures[i])
                            .willSetStateTo(nextState));
            state = nextState;
        }
        harness.wireMock()
                .stubFor(post(urlPathEqualTo(ENTRIES))
                        .inScenario("entries")
                        .whenScenarioStateIs(state)
                        .willReturn(okJson(oneEntry())));
    }

    @Test
    void throttled_isRetriedAfterRetryAfter_andCountedAsThrottle() {
        entriesAnswer(aResponse().withStatus(429).withHeader("Retry-After", "0"));
        PsaSink sink = new PsaSink();

        connector().sync(sink, stats);

        assertThat(sink.entries()).hasSize(1);
        assertThat(stats.throttles()).isEqualTo(1);
        assertThat(stats.retries()).isEqualTo(1);
    }

    @Test
    void serverError_isRetriedWithBackoff() {
        entriesAnswer(AutotaskStubs.errors(500, "busy"), aResponse().withStatus(503));
        PsaSink sink = new PsaSink();

        connector().sync(sink, stats);

        assertThat(sink.entries()).hasSize(1);
        assertThat(stats.retries()).isEqualTo(2);
    }

    @Test
    void unauthorized_isACredentialsFailure_thatNamesNoSecret() {
        harness.wireMock()
                .stubFor(post(urlPathEqualTo(AutotaskStubs.ROOT + "/Companies/query"))
                        .willReturn(AutotaskStubs.errors(401, "User is not authorized")));

        assertThatThrownBy(() -> connector().sync(new PsaSink(), stats))
                .isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("connector 'at': ")
                .hasMessageContaining("integration-code")
                .hasMessageContaining("User is not authorized")
                .hasMessageNotContaining(AutotaskStubs.SECRET);
    }

    @Test
    void badRequest_isFinal_andSaysWhatAutotaskSaid() {
        entriesAnswer(AutotaskStubs.errors(400, "Invalid filter field: dateWorkd"));

        assertThatThrownBy(() -> connector().sync(new PsaSink(), stats))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("Invalid filter field: dateWorkd");
        assertThat(stats.retries()).isZero();
    }

    @Test
    void errorsBodyOnA200_isAMalformedPage_andNothingOfItIsDelivered() {
        entriesAnswer(okJson("{\"errors\":[\"Object reference not set\"],\"items\":[]}"));
        PsaSink sink = new PsaSink();

        assertThatThrownBy(() -> connector().sync(sink, stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("page 1 of ")
                .hasMessageContaining("/TimeEntries/query")
                .hasMessageContaining("Object reference not set");
        assertThat(sink.entries()).isEmpty();
        assertThat(sink.saved).isEmpty();
    }

    @Test
    void truncatedSecondPage_failsTheRun_afterDeliveringOnlyTheFirst() {
        harness.wireMock()
                .stubFor(post(urlPathEqualTo(ENTRIES))
                        .willReturn(okJson(AutotaskStubs.page(
                                List.of(AutotaskStubs.entry(1, 7001, "1", false, "2026-02-20T10:00:00Z")),
                                autotask.next("TimeEntries", 1)))));
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(ENTRIES + "/next"))
                        .willReturn(okJson("{\"items\":[{\"id\":2,\"ticketID\":70")));
        PsaSink sink = new PsaSink();

        assertThatThrownBy(() -> connector().sync(sink, stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("page 2 of ")
                .hasMessageContaining("paging=p1");
        assertThat(sink.entries()).extracting(e -> e.externalId()).containsExactly("1");
        assertThat(sink.complete).isEmpty();
    }

    @Test
    void pageWithoutPageDetails_isNotTakenAsTheLastPage() {
        entriesAnswer(okJson("{\"items\":[]}"));

        assertThatThrownBy(() -> connector().sync(new PsaSink(), stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("no 'pageDetails'");
    }

    @Test
    void nextPageUrlOnAnotherHost_isRefused() {
        entriesAnswer(okJson(AutotaskStubs.page(List.of(), "https://evil.example/ATServicesRest/V1.0/next?p=1")));

        assertThatThrownBy(() -> connector().sync(new PsaSink(), stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("evil.example");
    }

    @Test
    void entryWithoutBillableFlag_isMalformed() {
        entriesAnswer(okJson(AutotaskStubs.page(
                List.of("{\"id\":9,\"ticketID\":7001,\"hoursWorked\":1,\"dateWorked\":\"2026-02-16T00:00:00\","
                        + "\"lastModifiedDateTime\":\"2026-02-16T00:00:00\"}"),
                null)));

        assertThatThrownBy(() -> connector().sync(new PsaSink(), stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("time entry 9 has no true/false 'isNonBillable'");
    }

    @Test
    void zoneDiscoveryForAnUnknownUser_failsWithAClearLine() {
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(ZoneLocator.DISCOVERY_PATH))
                        .willReturn(AutotaskStubs.errors(404, "Zone information could not be determined")));
        SourceConnector discovering = new AutotaskConnectorType()
                .createSource(
                        AutotaskConnectorTest.settings(harness, harness.baseUrl())
                                .build(),
                        harness.runtime());

        assertThatThrownBy(discovering::checkConnection)
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("zone discovery")
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining(AutotaskStubs.USER);
    }
}
