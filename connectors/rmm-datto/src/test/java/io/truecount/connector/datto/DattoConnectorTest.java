package io.truecount.connector.datto;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.truecount.connector.CredentialsException;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SyncSink;
import io.truecount.connector.SyncStats;
import io.truecount.connector.testing.CollectingSink;
import io.truecount.connector.testing.ConnectorHarness;
import io.truecount.connector.testing.TestSettings;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DattoConnectorTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final DattoStubs datto = new DattoStubs(harness.wireMock());
    private final SyncStats stats = new SyncStats();

    /** One site at a time, so that the order of requests and deliveries is fixed; see the concurrency test. */
    private TestSettings settings() {
        return harness.settings("datto-rmm")
                .id("datto")
                .credential("api-key", "KEY123")
                .credential("api-secret", DattoStubs.API_SECRET)
                .option("concurrency", "1");
    }

    private SourceConnector connector(TestSettings settings) {
        return new DattoConnectorType().createSource(settings.build(), harness.runtime());
    }

    private SourceConnector pagingByTwo() {
        return connector(settings().option("page-size", "2"));
    }

    private static List<String> pageValues(List<LoggedRequest> requests) {
        return requests.stream()
                .map(r -> r.queryParameter("page"))
                .map(p -> p.isPresent() ? p.firstValue() : "(none)")
                .toList();
    }

    /** Two pages of sites (s-1, s-2 | s-3); s-1 has devices over two pages, s-2 none, s-3 one. */
    private void twoPagesOfSites() {
        datto.sitesPage(
                null, "[" + DattoStubs.site("s-1", "Acme Dental") + "," + DattoStubs.site("s-2", "Beta Law") + "]", 1);
        datto.sitesPage(1, "[" + DattoStubs.site("s-3", "Gamma Ltd") + "]", null);
        datto.devicesPage("s-1", null, 1, 2, 1);
        datto.devicesPage("s-1", 1, 3, 3, null);
        datto.devicesPage("s-2", null, 1, 0, null);
        datto.devicesPage("s-3", null, 4, 4, null);
    }

    @Test
    void sync_followsNextPageUrl_forSitesAndEachSitesDevices() {
        datto.tokenIssues("tok-1");
        twoPagesOfSites();
        CollectingSink sink = new CollectingSink();

        pagingByTwo().sync(sink, stats);

        assertThat(pageValues(datto.requestsTo(DattoConnector.SITES))).containsExactly("(none)", "1");
        List<LoggedRequest> s1 = datto.requestsTo(DattoConnector.devicesPath("s-1"));
        assertThat(pageValues(s1)).containsExactly("(none)", "1");
        assertThat(s1)
                .allSatisfy(
                        r -> assertThat(r.queryParameter("max").firstValue()).isEqualTo("2"))
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer tok-1"));
        assertThat(sink.organizations())
                .extracting(o -> o.externalId() + "=" + o.name())
                .containsExactly("s-1=Acme Dental", "s-2=Beta Law", "s-3=Gamma Ltd");
        assertThat(sink.assetPages()).extracting(List::size).containsExactly(2, 1, 1);
        assertThat(sink.assets())
                .extracting(a -> a.organizationId() + "/" + a.externalId())
                .containsExactly("s-1/d-1", "s-1/d-2", "s-1/d-3", "s-3/d-4");
        // 2 site pages + 2 + 1 + 1 device pages (s-2's empty page counts, though nothing reaches the sink)
        assertThat(stats.pages()).isEqualTo(6);
        assertThat(stats.records()).isEqualTo(7);
    }

    @Test
    void sync_deliversEachPageBeforeFetchingTheNext() {
        datto.tokenIssues("tok-1");
        twoPagesOfSites();
        List<Integer> requestsAtDelivery = new ArrayList<>();
        CollectingSink sink = new CollectingSink(() ->
                requestsAtDelivery.add(harness.wireMock().getAllServeEvents().size()));

        pagingByTwo().sync(sink, stats);

        // 1 token, 2 sites page 1, 3-4 s-1's pages, 5 s-2's empty page (nothing to deliver), 6 sites page 2, 7 s-3
        assertThat(requestsAtDelivery).containsExactly(2, 3, 4, 6, 7);
    }

    @Test
    void sync_readsSeveralSitesAtOnce_andDeliversEveryDevice() {
        datto.tokenIssues("tok-1");
        twoPagesOfSites();
        List<String> devices = java.util.Collections.synchronizedList(new ArrayList<>());
        SyncSink sink = new SyncSink() {
            @Override
            public void organizations(List<ExternalOrganization> page) {}

            @Override
            public void assets(List<AssetObservation> page) {
                page.forEach(a -> devices.add(a.organizationId() + "/" + a.externalId()));
            }
        };

        connector(settings().option("page-size", "2").option("concurrency", "3"))
                .sync(sink, stats);

        assertThat(devices).hasSize(4).doesNotHaveDuplicates();
        assertThat(devices).filteredOn(d -> d.startsWith("s-1/")).hasSize(3);
        assertThat(devices).filteredOn(d -> d.startsWith("s-3/")).hasSize(1);
        assertThat(stats.pages()).isEqualTo(6);
    }

    @Test
    void sync_readsASitesDevicesRightAfterItsPageOfSites() {
        datto.tokenIssues("tok-1");
        twoPagesOfSites();

        pagingByTwo().sync(new CollectingSink(), stats);

        List<String> paths = new ArrayList<>();
        harness.wireMock()
                .getAllServeEvents()
                .forEach(e -> paths.add(0, e.getRequest().getUrl()));
        assertThat(paths)
                .containsExactly(
                        DattoConnector.TOKEN,
                        DattoConnector.SITES + "?max=2",
                        DattoConnector.devicesPath("s-1") + "?max=2",
                        DattoConnector.devicesPath("s-1") + "?max=2&page=1",
                        DattoConnector.devicesPath("s-2") + "?max=2",
                        DattoConnector.SITES + "?max=2&page=1",
                        DattoConnector.devicesPath("s-3") + "?max=2");
    }

    @Test
    void tokenRequest_isAPasswordGrant_withThePublicClient() {
        datto.tokenIssues("tok-1");
        datto.sitesPage(null, "[]", null);

        connector(settings()).checkConnection();

        List<LoggedRequest> tokens = harness.wireMock()
                .findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        urlPathEqualTo(DattoConnector.TOKEN)));
        assertThat(tokens).singleElement().satisfies(r -> {
            assertThat(r.getHeader("Authorization"))
                    .isEqualTo("Basic "
                            + Base64.getEncoder()
                                    .encodeToString("public-client:public".getBytes(StandardCharsets.UTF_8)));
            assertThat(r.getBodyAsString())
                    .isEqualTo("grant_type=password&username=KEY123&password=" + DattoStubs.API_SECRET);
        });
    }

    @Test
    void token_isFetchedOnce_andReusedAcrossRequestsAndRuns() {
        datto.tokenIssues("tok-1");
        twoPagesOfSites();
        SourceConnector connector = pagingByTwo();

        connector.sync(new CollectingSink(), stats);
        connector.sync(new CollectingSink(), stats);

        assertThat(datto.tokenRequests()).isEqualTo(1);
        assertThat(datto.requestsTo(DattoConnector.SITES)).hasSize(4);
    }

    @Test
    void token_isRefreshedOnceTheClockPassesItsExpiry() {
        datto.tokenIssues("tok-1");
        datto.sitesPage(null, "[]", null);
        SourceConnector connector = pagingByTwo();
        connector.sync(new CollectingSink(), stats);
        harness.clock().advance(Duration.ofHours(99));
        connector.sync(new CollectingSink(), stats);
        assertThat(datto.tokenRequests()).isEqualTo(1);

        datto.tokenIssues("tok-2");
        harness.clock().advance(Duration.ofHours(1));
        connector.sync(new CollectingSink(), stats);

        assertThat(datto.tokenRequests()).isEqualTo(2);
        List<LoggedRequest> sites = datto.requestsTo(DattoConnector.SITES);
        assertThat(sites.get(sites.size() - 1).getHeader("Authorization")).isEqualTo("Bearer tok-2");
    }

    @Test
    void unauthorizedMidRun_refreshesTheToken_andContinues() {
        harness.wireMock()
                .stubFor(post(urlPathEqualTo(DattoConnector.TOKEN))
                        .inScenario("token")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(okJson("{\"access_token\":\"tok-revoked\",\"expires_in\":359999}"))
                        .willSetStateTo("reissued"));
        harness.wireMock()
                .stubFor(post(urlPathEqualTo(DattoConnector.TOKEN))
                        .inScenario("token")
                        .whenScenarioStateIs("reissued")
                        .willReturn(okJson("{\"access_token\":\"tok-fresh\",\"expires_in\":359999}")));
        datto.sitesPage(null, "[" + DattoStubs.site("s-1", "Acme Dental") + "]", null);
        String devices = DattoConnector.devicesPath("s-1");
        harness.wireMock().stubFor(get(urlPathEqualTo(devices)).willReturn(unauthorized()));
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(devices))
                        .withHeader("Authorization", equalTo("Bearer tok-fresh"))
                        .willReturn(okJson(datto.body(devices, "devices", DattoStubs.devices("s-1", 1, 1), null))));
        CollectingSink sink = new CollectingSink();

        pagingByTwo().sync(sink, stats);

        assertThat(sink.assets()).extracting(AssetObservation::externalId).containsExactly("d-1");
        assertThat(datto.tokenRequests()).isEqualTo(2);
        assertThat(datto.requestsTo(devices)).hasSize(2);
    }

    @Test
    void unauthorizedTwice_isCredentialsException_namingConnectorAndUrl_withoutSecrets() {
        datto.tokenIssues("tok-1");
        harness.wireMock().stubFor(get(urlPathEqualTo(DattoConnector.SITES)).willReturn(unauthorized()));

        assertThatThrownBy(() -> pagingByTwo().sync(new CollectingSink(), stats))
                .isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("connector 'datto': ")
                .hasMessageContaining(harness.baseUrl() + DattoConnector.SITES + "?max=2")
                .hasMessageNotContaining(DattoStubs.API_SECRET)
                .hasMessageNotContaining("tok-1");
        assertThat(datto.tokenRequests()).isEqualTo(2);
    }

    @Test
    void refusedApiKey_isCredentialsException_withDattosCode() {
        harness.wireMock()
                .stubFor(post(urlPathEqualTo(DattoConnector.TOKEN))
                        .willReturn(aResponse()
                                .withStatus(400)
                                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Bad credentials\"}")));

        assertThatThrownBy(() -> connector(settings()).checkConnection())
                .isInstanceOfSatisfying(CredentialsException.class, e -> assertThat(e.vendorErrorCode())
                        .isEqualTo("invalid_grant"))
                .hasMessageStartingWith("connector 'datto': ")
                .hasMessageContaining(harness.baseUrl() + DattoConnector.TOKEN)
                .hasMessageNotContaining(DattoStubs.API_SECRET)
                .hasMessageNotContaining("KEY123");
        assertThat(datto.requestsTo(DattoConnector.SITES)).isEmpty();
    }

    @Test
    void checkConnection_getsATokenAndOneSite() {
        datto.tokenIssues("tok-1");
        datto.sitesPage(null, "[" + DattoStubs.site("s-1", "Acme Dental") + "]", null);

        connector(settings()).checkConnection();

        harness.wireMock()
                .verify(
                        1,
                        getRequestedFor(urlPathEqualTo(DattoConnector.SITES))
                                .withQueryParam("max", equalTo("1"))
                                .withHeader("Authorization", equalTo("Bearer tok-1")));
    }

    @Test
    void defaultPageSize_isDattosMaximum() {
        datto.tokenIssues("tok-1");
        datto.sitesPage(null, "[]", null);

        connector(settings()).sync(new CollectingSink(), stats);

        harness.wireMock()
                .verify(getRequestedFor(urlPathEqualTo(DattoConnector.SITES)).withQueryParam("max", equalTo("250")));
    }
}
