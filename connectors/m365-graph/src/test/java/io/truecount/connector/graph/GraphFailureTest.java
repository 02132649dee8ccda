package io.truecount.connector.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.truecount.connector.graph.GraphStubs.E3;
import static io.truecount.connector.graph.GraphStubs.sku;
import static io.truecount.connector.graph.GraphStubs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.truecount.connector.CredentialsException;
import io.truecount.connector.MalformedPageException;
import io.truecount.connector.SourceUnavailableException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.testing.ConnectorHarness;
import io.truecount.core.observation.LicenseCount;
import io.truecount.core.observation.UserAccount;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What fails one tenant, what fails the run, and what is only retried. */
class GraphFailureTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final GraphStubs graph = new GraphStubs(harness.wireMock());
    private final SyncStats stats = new SyncStats();

    private void sync(RecordingSink sink, String... tenants) {
        GraphConnectorTest.connector(harness, GraphConnectorTest.settings(harness), tenants)
                .sync(sink, stats);
    }

    @Test
    void unconsentedTenant_failsOnlyThatTenant_namingItAndTheAadstsCode() {
        graph.quietTenant("t-a");
        graph.tokenRefused("t-new", 400, "unauthorized_client", 700016);
        graph.tokenRefused("t-gone", 400, "invalid_request", 90002);
        RecordingSink sink = new RecordingSink();

        sync(sink, "t-a", "t-gone", "t-new");

        assertThat(sink.failures).containsOnlyKeys("t-gone", "t-new");
        assertThat(sink.failures.get("t-new"))
                .startsWith("connector 'm365': tenant t-new")
                .contains("AADSTS700016")
                .doesNotContain(GraphStubs.SECRET);
        assertThat(sink.failures.get("t-gone")).contains("tenant t-gone", "AADSTS90002");
        assertThat(sink.users).extracting(UserAccount::organizationId).containsOnly("t-a");
        assertThat(sink.saved).containsOnlyKeys("delta:t-a", "domains:t-a");
    }

    @Test
    void revokedConsent_onData_failsOnlyThatTenant_withGraphsCode() {
        graph.quietTenant("t-a");
        graph.token("t-revoked");
        harness.wireMock()
                .stubFor(graph.forTenant(get(urlPathEqualTo("/v1.0/subscribedSkus")), "t-revoked")
                        .willReturn(GraphStubs.ResponseDefinitions.json(
                                403,
                                "{\"error\":{\"code\":\"Authorization_RequestDenied\","
                                        + "\"message\":\"Insufficient privileges to complete the operation.\"}}")));
        RecordingSink sink = new RecordingSink();

        sync(sink, "t-a", "t-revoked");

        assertThat(sink.failures).containsOnlyKeys("t-revoked");
        assertThat(sink.failures.get("t-revoked"))
                .contains("tenant t-revoked", "HTTP 403", "Authorization_RequestDenied");
        assertThat(sink.licenses).extracting(LicenseCount::organizationId).containsOnly("t-a");
    }

    @Test
    void refusedClientSecret_isTheConnectorsCredentialFailure_notEachTenants() {
        graph.tokenRefused("t-a", 401, "invalid_client", 7000215);
        graph.tokenRefused("t-b", 401, "invalid_client", 7000215);
        RecordingSink sink = new RecordingSink();

        assertThatThrownBy(() -> sync(sink, "t-a", "t-b"))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("AADSTS7000215")
                .hasMessageContaining("client secret")
                .hasMessageNotContaining(GraphStubs.SECRET);
        assertThat(sink.failures).isEmpty();
        assertThat(sink.saved).isEmpty();
    }

    /** The tenant's SKU request answers each of the given responses once, in order, then the SKUs. */
    private void skusAnswerFirst(String tenant, ResponseDefinitionBuilder... failures) {
        String state = Scenario.STARTED;
        for (int i = 0; i < failures.length; i++) {
            String nextState = "answered " + (i + 1);
            harness.wireMock()
                    .stubFor(graph.forTenant(get(urlPathEqualTo("/v1.0/subscribedSkus")), tenant)
                            .inScenario("skus")
                            .whenScenarioStateIs(state)
                            .willReturn(failures[i])
                            .willSetStateTo(nextState));
            state = nextState;
        }
        harness.wireMock()
                .stubFor(graph.forTenant(get(urlPathEqualTo("/v1.0/subscribedSkus")), tenant)
                        .inScenario("skus")
                        .whenScenarioStateIs(state)
                        .willReturn(okJson("{\"value\":[" + sku(E3, "SPE_E3", "Enabled", 1, 2) + "]}")));
    }

    @Test
    void throttled_isRetriedAfterRetryAfter_andCounted() {
        graph.quietTenant("t-a");
        skusAnswerFirst(
                "t-a",
                GraphStubs.ResponseDefinitions.json(429, "{\"error\":{\"code\":\"TooManyRequests\"}}")
                        .withHeader("Retry-After", "0.05"));
        RecordingSink sink = new RecordingSink();

        sync(sink, "t-a");

        assertThat(stats.throttles()).isEqualTo(1);
        assertThat(sink.licenses).hasSize(1);
        assertThat(sink.failures).isEmpty();
    }

    @Test
    void serverErrors_areRetried_untilGraphAnswers() {
        graph.quietTenant("t-a");
        skusAnswerFirst(
                "t-a",
                aResponse().withStatus(503).withBody("<html>503</html>"),
                GraphStubs.ResponseDefinitions.json(500, "{\"error\":{\"code\":\"generalException\"}}"));
        RecordingSink sink = new RecordingSink();

        sync(sink, "t-a");

        assertThat(stats.retries()).isGreaterThanOrEqualTo(2);
        assertThat(sink.licenses).hasSize(1);
    }

    @Test
    void graphDown_failsTheRun() {
        graph.token("t-a");
        harness.wireMock()
                .stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus"))
                        .willReturn(aResponse().withStatus(503).withBody("<html>503</html>")));

        assertThatThrownBy(() -> sync(new RecordingSink(), "t-a"))
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("/v1.0/subscribedSkus");
    }

    @Test
    void expiredToken_isRenewedOnce_andTheRequestRepeated() {
        graph.quietTenant("t-a");
        skusAnswerFirst(
                "t-a",
                GraphStubs.ResponseDefinitions.json(
                        401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"expired\"}}"));
        RecordingSink sink = new RecordingSink();

        sync(sink, "t-a");

        assertThat(harness.wireMock().findAll(postRequestedFor(urlPathEqualTo(GraphStubs.tokenPath("t-a")))))
                .hasSize(2);
        assertThat(sink.licenses).hasSize(1);
        assertThat(sink.failures).isEmpty();
    }

    @Test
    void malformedSecondPage_failsTheRun_namingUrlAndPage_andDeliversNothingOfIt() {
        graph.token("t-a");
        graph.skus("t-a", sku(E3, "SPE_E3", "Enabled", 3, 5));
        graph.deltaFirst("t-a", okJson(graph.deltaPage(List.of(user("u1", true, E3)), "s2", null)));
        String page2 = graph.deltaPage(List.of(user("u2", true, E3), user("u3", true, E3)), null, "d");
        graph.deltaSkip("t-a", "s2", okJson(page2.substring(0, page2.length() / 2)));
        RecordingSink sink = new RecordingSink();

        assertThatThrownBy(() -> sync(sink, "t-a"))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("page 2 of " + harness.baseUrl() + "/v1.0/users/delta?$skiptoken=s2");
        assertThat(sink.users).extracting(UserAccount::externalId).containsExactly("u1");
        assertThat(sink.saved).isEmpty();
    }

    @Test
    void userWithoutAccountEnabled_isAMalformedPage() {
        graph.token("t-a");
        graph.skus("t-a", sku(E3, "SPE_E3", "Enabled", 3, 5));
        graph.deltaFirst("t-a", okJson(graph.deltaPage(List.of("{\"id\":\"u1\",\"assignedLicenses\":[]}"), null, "d")));

        assertThatThrownBy(() -> sync(new RecordingSink(), "t-a"))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("user u1 has no 'accountEnabled'");
    }

    @Test
    void tenants_areReadConcurrently() {
        graph.quietTenant("t-a");
        graph.quietTenant("t-b");
        // Each tenant's SKU delivery waits for the other's: read one after the other, the first would wait in vain.
        CountDownLatch bothInFlight = new CountDownLatch(2);
        AtomicBoolean overlapped = new AtomicBoolean(true);
        RecordingSink sink = new RecordingSink() {
            @Override
            public void licenses(List<LicenseCount> page) {
                bothInFlight.countDown();
                try {
                    if (!bothInFlight.await(5, TimeUnit.SECONDS)) {
                        overlapped.set(false);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.licenses(page);
            }
        };

        GraphConnectorTest.connector(
                        harness, GraphConnectorTest.settings(harness).option("concurrency", "2"), "t-a", "t-b")
                .sync(sink, stats);

        assertThat(overlapped).isTrue();
        assertThat(sink.licenses).hasSize(2);
    }
}
