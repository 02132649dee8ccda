package io.truecount.connector.datto;

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
import io.truecount.connector.SourceException;
import io.truecount.connector.SourceUnavailableException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.testing.CollectingSink;
import io.truecount.connector.testing.ConnectorHarness;
import io.truecount.connector.testing.TestSettings;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the Datto connector rides out throttling, outages and broken pages. */
class DattoResilienceTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private static final String DEVICES = DattoConnector.devicesPath("s-1");

    private final DattoStubs datto = new DattoStubs(harness.wireMock());
    private final SyncStats stats = new SyncStats();

    @BeforeEach
    void dattoIssuesTokensAndHasOneSite() {
        datto.tokenIssues("tok-1");
        datto.sitesPage(null, "[" + DattoStubs.site("s-1", "Acme Dental") + "]", null);
    }

    private TestSettings settings() {
        return harness.settings("datto-rmm")
                .id("datto")
                .credential("api-key", "KEY123")
                .credential("api-secret", DattoStubs.API_SECRET)
                .option("page-size", "2");
    }

    private SourceConnector connector(TestSettings settings) {
        return new DattoConnectorType().createSource(settings.build(), harness.runtime());
    }

    /** The site's first devices page answers each of the given responses once, in order, then device d-1. */
    private void firstDevicesPageAnswers(ResponseDefinitionBuilder... failures) {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.length; i++) {
            String nextState = "answered " + (i + 1);
            harness.wireMock()
                    .stubFor(get(urlPathEqualTo(DEVICES))
                            .inScenario("devices")
                            .whenScenarioStateIs(state)
                            .willReturn(failures[i])
                            .willSetStateTo(nextState));
            state = nextState;
        }
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(DEVICES))
                        .inScenario("devices")
                        .whenScenarioStateIs(state)
                        .willReturn(okJson(datto.body(DEVICES, "devices", DattoStubs.devices("s-1", 1, 1), null))));
    }

    @Test
    void throttled_isRetriedAfterTheRetryAfterDattoAskedFor_andCountedAsThrottle() {
        firstDevicesPageAnswers(aResponse().withStatus(429).withHeader("Retry-After", "1"));
        CollectingSink sink = new CollectingSink();

        connector(settings()).sync(sink, stats);

        List<LoggedRequest> attempts = datto.requestsTo(DEVICES);
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
        firstDevicesPageAnswers(aResponse().withStatus(502), aResponse().withStatus(503));
        CollectingSink sink = new CollectingSink();

        connector(settings()).sync(sink, stats);

        assertThat(datto.requestsTo(DEVICES)).hasSize(3);
        assertThat(stats.retries()).isEqualTo(2);
        assertThat(stats.throttles()).isZero();
        assertThat(sink.assets()).hasSize(1);
    }

    @Test
    void persistentServerError_isSourceUnavailableAfterMaxAttempts() {
        harness.wireMock().stubFor(get(urlPathEqualTo(DEVICES)).willReturn(serverError()));

        assertThatThrownBy(() ->
                        connector(settings().option("retry.max-attempts", "3")).sync(new CollectingSink(), stats))
                .isInstanceOfSatisfying(SourceUnavailableException.class, e -> {
                    assertThat(e.lastStatus()).isEqualTo(500);
                    assertThat(e.url()).isEqualTo(harness.baseUrl() + DEVICES + "?max=2");
                })
                .hasMessageStartingWith("connector 'datto': ")
                .hasMessageContaining("3 attempts");
        assertThat(datto.requestsTo(DEVICES)).hasSize(3);
    }

    @Test
    void ipBlockAfterThrottling_isAFinalFailureNamingTheStatus() {
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(DEVICES)).willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(() -> connector(settings()).sync(new CollectingSink(), stats))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("connector 'datto': ")
                .hasMessageContaining("HTTP 403");
        assertThat(datto.requestsTo(DEVICES)).hasSize(1);
    }

    @Test
    void truncatedPage_isMalformedPage_namingUrlAndPageNumber() {
        datto.devicesPage("s-1", null, 1, 2, 1);
        datto.page(DEVICES, 1, okJson("{\"pageDetails\":{\"nextPageUrl\":null},\"devices\":[{\"uid\":\"d-3\",\"dev"));
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> connector(settings()).sync(sink, stats))
                .isInstanceOfSatisfying(MalformedPageException.class, e -> assertThat(e.pageNumber())
                        .isEqualTo(2))
                .hasMessageStartingWith("connector 'datto': ")
                .hasMessageContaining("page 2 of " + harness.baseUrl() + DEVICES + "?max=2&page=1")
                .hasMessageContaining("not valid JSON");
        assertThat(sink.assetPages()).hasSize(1);
    }

    @Test
    void deviceWithoutDeviceClass_makesItsPageMalformed() {
        datto.page(
                DEVICES,
                null,
                okJson(datto.body(
                        DEVICES,
                        "devices",
                        "[{\"uid\":\"d-1\",\"deviceClass\":\"device\"},{\"uid\":\"d-2\",\"hostname\":\"X\"}]",
                        null)));
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> connector(settings()).sync(sink, stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("page 1 of " + harness.baseUrl() + DEVICES)
                .hasMessageContaining("device d-2 has no 'deviceClass'");
        assertThat(sink.assets()).isEmpty();
    }

    @Test
    void pageWithoutItsRecordsField_isMalformed() {
        datto.page(DEVICES, null, okJson("{\"pageDetails\":{\"nextPageUrl\":null},\"sites\":[]}"));

        assertThatThrownBy(() -> connector(settings()).sync(new CollectingSink(), stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("expected field 'devices' to be a JSON array, got nothing");
    }

    @Test
    void nextPageUrlToAnotherHost_isMalformed_andNotFollowed() {
        datto.page(
                DEVICES,
                null,
                okJson("{\"pageDetails\":{\"nextPageUrl\":\"https://elsewhere.example.org/api/v2/x?page=1\"},"
                        + "\"devices\":" + DattoStubs.devices("s-1", 1, 2) + "}"));
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> connector(settings()).sync(sink, stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("page 1 of " + harness.baseUrl() + DEVICES)
                .hasMessageContaining("leaves " + harness.baseUrl());
        assertThat(sink.assets()).isEmpty();
    }
}
