package io.truecount.connector.connectwise;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the ConnectWise connector rides out throttling, outages, refused keys and broken pages. */
class ConnectWiseResilienceTest {

    private static final String ENTRIES = CwStubs.API + ConnectWiseConnector.ENTRIES;

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final CwStubs cw = new CwStubs(harness.wireMock());
    private final SyncStats stats = new SyncStats();

    @BeforeEach
    void psaHasOneCompany() {
        cw.emptyBeyondStubbedPages();
        cw.page(ConnectWiseConnector.COMPANIES, null, List.of(CwStubs.company(250, "Acme Dental")));
    }

    private TestSettings settings() {
        return harness.settings("connectwise-manage")
                .id("cw")
                .baseUrl(java.net.URI.create(harness.baseUrl() + CwStubs.API))
                .credential("company", "zylker")
                .credential("public-key", "pub123")
                .credential("private-key", CwStubs.PRIVATE_KEY)
                .credential("client-id", "3f1c0b5e-guid")
                .option("page-size", "2");
    }

    private SourceConnector connector(TestSettings settings) {
        return new ConnectWiseConnectorType().createSource(settings.build(), harness.runtime());
    }

    /** The first entries page answers each of the given responses once, in order, then one entry. */
    private void firstEntriesPageAnswers(ResponseDefinitionBuilder... failures) {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.length; i++) {
            String nextState = "answered " + (i + 1);
            harness.wireMock()
                    .stubFor(get(urlPathEqualTo(ENTRIES))
                            .inScenario("entries")
                            .whenScenarioStateIs(state)
                            .willReturn(failures[i])
                            .willSetStateTo(nextState));
            state = nextState;
        }
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(ENTRIES))
                        .inScenario("entries")
                        .whenScenarioStateIs(state)
                        .willReturn(okJson("[" + CwStubs.entry(1) + "]")));
    }

    @Test
    void throttled_isRetriedAfterTheRetryAfterConnectWiseAskedFor() {
        firstEntriesPageAnswers(aResponse().withStatus(429).withHeader("Retry-After", "1"));
        CwSink sink = new CwSink();

        connector(settings()).sync(sink, stats);

        List<LoggedRequest> attempts = cw.requestsTo(ConnectWiseConnector.ENTRIES);
        assertThat(attempts).hasSize(2);
        long waited = attempts.get(1).getLoggedDate().getTime()
                - attempts.get(0).getLoggedDate().getTime();
        assertThat(waited).isGreaterThanOrEqualTo(1000);
        assertThat(stats.throttles()).isEqualTo(1);
        assertThat(sink.entries()).hasSize(1);
    }

    @Test
    void serverErrors_areRetried_andAPersistentOneIsSourceUnavailable() {
        firstEntriesPageAnswers(aResponse().withStatus(502), aResponse().withStatus(503));
        CwSink sink = new CwSink();
        connector(settings()).sync(sink, stats);
        assertThat(stats.retries()).isEqualTo(2);
        assertThat(sink.entries()).hasSize(1);

        harness.wireMock().resetAll();
        cw.page(ConnectWiseConnector.COMPANIES, null, List.of(CwStubs.company(250, "Acme Dental")));
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(ENTRIES)).willReturn(aResponse().withStatus(500)));
        CwSink failed = new CwSink();
        assertThatThrownBy(() ->
                        connector(settings().option("retry.max-attempts", "3")).sync(failed, stats))
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessageStartingWith("connector 'cw': ");
        assertThat(cw.requestsTo(ConnectWiseConnector.ENTRIES)).hasSize(3);
        assertThat(failed.entries()).isEmpty();
        assertThat(failed.saved).isEmpty();
    }

    @Test
    void aSingle401_isRepeatedOnceWithTheSameKeys_andTheRunGoesOn() {
        firstEntriesPageAnswers(aResponse().withStatus(401));
        CwSink sink = new CwSink();

        connector(settings()).sync(sink, stats);

        assertThat(cw.requestsTo(ConnectWiseConnector.ENTRIES)).hasSize(2);
        assertThat(sink.entries()).hasSize(1);
    }

    @Test
    void refusedKeys_areACredentialsFailure_withoutThePrivateKey() {
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(CwStubs.API + ConnectWiseConnector.COMPANIES))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(401)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"code\":\"Unauthorized\",\"message\":\"Authentication failed\"}")));

        assertThatThrownBy(() -> connector(settings()).sync(new CwSink(), stats))
                .isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("connector 'cw': ")
                .hasMessageNotContaining(CwStubs.PRIVATE_KEY);
        assertThat(cw.requestsTo(ConnectWiseConnector.COMPANIES)).hasSize(2);
    }

    @Test
    void truncatedPage_isMalformed_namingUrlAndPageNumber_andNoCursorIsSaved() {
        cw.page(ConnectWiseConnector.ENTRIES, null, List.of(CwStubs.entry(1), CwStubs.entry(2)));
        cw.page(ConnectWiseConnector.ENTRIES, "2", okJson("[{\"id\":3,\"company\":{\"id\":2"));
        CwSink sink = new CwSink();

        assertThatThrownBy(() -> connector(settings()).sync(sink, stats))
                .isInstanceOfSatisfying(MalformedPageException.class, e -> assertThat(e.pageNumber())
                        .isEqualTo(2))
                .hasMessageContaining(ENTRIES)
                .hasMessageContaining("pageId=2")
                .hasMessageContaining("not valid JSON");
        assertThat(sink.timePages).hasSize(1);
        assertThat(sink.saved).isEmpty();
        assertThat(sink.complete).isEmpty();
    }

    @Test
    void anEntryWithoutHours_makesItsPageMalformed_andNothingOfThePageIsDelivered() {
        cw.page(
                ConnectWiseConnector.ENTRIES,
                null,
                List.of(CwStubs.entry(1), CwStubs.entry(2).replace("\"actualHours\":0.5,", "")));
        CwSink sink = new CwSink();

        assertThatThrownBy(() -> connector(settings()).sync(sink, stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("time entry 2 has no numeric 'actualHours'");
        assertThat(sink.entries()).isEmpty();
    }

    @Test
    void aBodyThatIsNotAnArray_isMalformed() {
        cw.page(ConnectWiseConnector.ENTRIES, null, okJson("{\"code\":\"NotFound\"}"));

        assertThatThrownBy(() -> connector(settings()).sync(new CwSink(), stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("expected the body to be a JSON array");
    }
}
