package io.truecount.connector.ninjaone;

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
import io.truecount.connector.SyncStats;
import io.truecount.connector.testing.CollectingSink;
import io.truecount.connector.testing.ConnectorHarness;
import io.truecount.connector.testing.TestSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NinjaOneConnectorTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final NinjaOneStubs ninja = new NinjaOneStubs(harness.wireMock());
    private final SyncStats stats = new SyncStats();

    private TestSettings settings() {
        return harness.settings("ninjaone")
                .id("ninja")
                .credential("client-id", "client-1")
                .credential("client-secret", NinjaOneStubs.CLIENT_SECRET);
    }

    private SourceConnector connector(TestSettings settings) {
        return new NinjaOneConnectorType().createSource(settings.build(), harness.runtime());
    }

    private SourceConnector pagingByTwo() {
        return connector(settings().option("page-size", "2"));
    }

    private static List<String> afterValues(List<LoggedRequest> requests) {
        return requests.stream()
                .map(r -> r.queryParameter("after"))
                .map(p -> p.isPresent() ? p.firstValue() : "(none)")
                .toList();
    }

    @Test
    void sync_pagesDevicesAfterTheLastIdOfEachPage() {
        ninja.tokenIssues("tok-1");
        ninja.organizations("[{\"id\":12,\"name\":\"Acme Dental\"}]");
        ninja.devicesPage(null, 1, 2);
        ninja.devicesPage("2", 3, 4);
        ninja.devicesPage("4", 5, 5);
        CollectingSink sink = new CollectingSink();

        pagingByTwo().sync(sink, stats);

        List<LoggedRequest> deviceRequests = ninja.requestsTo(NinjaOneConnector.DEVICES);
        assertThat(afterValues(deviceRequests)).containsExactly("(none)", "2", "4");
        assertThat(deviceRequests)
                .allSatisfy(r ->
                        assertThat(r.queryParameter("pageSize").firstValue()).isEqualTo("2"))
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer tok-1"));
        assertThat(sink.assetPages()).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(sink.assets()).extracting(a -> a.externalId()).containsExactly("1", "2", "3", "4", "5");
        assertThat(sink.organizations()).extracting(o -> o.name()).containsExactly("Acme Dental");
        assertThat(stats.pages()).isEqualTo(4);
        assertThat(stats.records()).isEqualTo(6);
    }

    @Test
    void sync_readsOrganizationsBeforeDevices() {
        ninja.tokenIssues("tok-1");
        ninja.organizations("[{\"id\":12,\"name\":\"Acme Dental\"}]");
        ninja.devicesPage(null, 1, 1);

        pagingByTwo().sync(new CollectingSink(), stats);

        List<String> paths = new ArrayList<>();
        harness.wireMock()
                .getAllServeEvents()
                .forEach(e -> paths.add(0, e.getRequest().getUrl()));
        assertThat(paths)
                .containsExactly(
                        NinjaOneConnector.TOKEN,
                        NinjaOneConnector.ORGANIZATIONS + "?pageSize=2",
                        NinjaOneConnector.DEVICES + "?pageSize=2");
    }

    @Test
    void sync_handsEachPageToTheSinkBeforeFetchingTheNext() {
        ninja.tokenIssues("tok-1");
        ninja.organizations("[]");
        ninja.devicesPage(null, 1, 2);
        ninja.devicesPage("2", 3, 4);
        ninja.devicesPage("4", 5, 5);
        List<Integer> deviceRequestsAtDelivery = new ArrayList<>();
        CollectingSink sink = new CollectingSink(() -> deviceRequestsAtDelivery.add(
                ninja.requestsTo(NinjaOneConnector.DEVICES).size()));

        pagingByTwo().sync(sink, stats);

        assertThat(deviceRequestsAtDelivery).containsExactly(1, 2, 3);
    }

    @Test
    void listingOfAnExactMultipleOfThePageSize_endsOnAnEmptyPage() {
        ninja.tokenIssues("tok-1");
        ninja.organizations("[]");
        ninja.devicesPage(null, 1, 2);
        ninja.devicesPage("2", 3, 4);
        ninja.devicesPage("4", 5, 4);
        CollectingSink sink = new CollectingSink();

        pagingByTwo().sync(sink, stats);

        assertThat(afterValues(ninja.requestsTo(NinjaOneConnector.DEVICES))).containsExactly("(none)", "2", "4");
        assertThat(sink.assets()).hasSize(4);
    }

    @Test
    void token_isFetchedOnce_andReusedAcrossRequestsAndRuns() {
        ninja.tokenIssues("tok-1");
        ninja.organizations("[]");
        ninja.devicesPage(null, 1, 2);
        ninja.devicesPage("2", 3, 3);
        SourceConnector connector = pagingByTwo();

        connector.sync(new CollectingSink(), stats);
        connector.sync(new CollectingSink(), stats);

        assertThat(ninja.tokenRequests()).isEqualTo(1);
        assertThat(ninja.requestsTo(NinjaOneConnector.DEVICES)).hasSize(4);
    }

    @Test
    void token_isRefreshedOnceTheClockPassesItsExpiry() {
        ninja.tokenIssues("tok-1");
        ninja.organizations("[]");
        ninja.devicesPage(null, 1, 1);
        SourceConnector connector = pagingByTwo();
        connector.sync(new CollectingSink(), stats);

        ninja.tokenIssues("tok-2");
        harness.clock().advance(Duration.ofHours(1));
        connector.sync(new CollectingSink(), stats);

        assertThat(ninja.tokenRequests()).isEqualTo(2);
        List<LoggedRequest> devices = ninja.requestsTo(NinjaOneConnector.DEVICES);
        assertThat(devices.get(devices.size() - 1).getHeader("Authorization")).isEqualTo("Bearer tok-2");
    }

    @Test
    void unauthorized_refreshesTheToken_andSucceeds() {
        harness.wireMock()
                .stubFor(post(urlPathEqualTo(NinjaOneConnector.TOKEN))
                        .inScenario("token")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(okJson("{\"access_token\":\"tok-revoked\",\"expires_in\":3600}"))
                        .willSetStateTo("reissued"));
        harness.wireMock()
                .stubFor(post(urlPathEqualTo(NinjaOneConnector.TOKEN))
                        .inScenario("token")
                        .whenScenarioStateIs("reissued")
                        .willReturn(okJson("{\"access_token\":\"tok-fresh\",\"expires_in\":3600}")));
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(NinjaOneConnector.ORGANIZATIONS)).willReturn(unauthorized()));
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(NinjaOneConnector.ORGANIZATIONS))
                        .withHeader("Authorization", equalTo("Bearer tok-fresh"))
                        .willReturn(okJson("[{\"id\":12,\"name\":\"Acme Dental\"}]")));
        ninja.devicesPage(null, 1, 1);
        CollectingSink sink = new CollectingSink();

        pagingByTwo().sync(sink, stats);

        assertThat(sink.organizations()).hasSize(1);
        assertThat(ninja.tokenRequests()).isEqualTo(2);
        assertThat(ninja.requestsTo(NinjaOneConnector.ORGANIZATIONS)).hasSize(2);
    }

    @Test
    void unauthorizedTwice_isCredentialsException_namingConnectorAndUrl_withoutTheSecret() {
        ninja.tokenIssues("tok-1");
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(NinjaOneConnector.ORGANIZATIONS)).willReturn(unauthorized()));

        assertThatThrownBy(() -> pagingByTwo().sync(new CollectingSink(), stats))
                .isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("connector 'ninja': ")
                .hasMessageContaining(harness.baseUrl() + NinjaOneConnector.ORGANIZATIONS + "?pageSize=2")
                .hasMessageNotContaining(NinjaOneStubs.CLIENT_SECRET)
                .hasMessageNotContaining("tok-1");
        assertThat(ninja.tokenRequests()).isEqualTo(2);
        assertThat(ninja.requestsTo(NinjaOneConnector.ORGANIZATIONS)).hasSize(2);
    }

    @Test
    void checkConnection_getsATokenAndOneOrganization() {
        ninja.tokenIssues("tok-1");
        ninja.organizations("[{\"id\":12,\"name\":\"Acme Dental\"}]");

        connector(settings()).checkConnection();

        harness.wireMock()
                .verify(getRequestedFor(urlPathEqualTo(NinjaOneConnector.ORGANIZATIONS))
                        .withQueryParam("pageSize", equalTo("1"))
                        .withHeader("Authorization", equalTo("Bearer tok-1")));
    }

    @Test
    void checkConnection_withRefusedClient_isCredentialsExceptionWithNinjaOnesCode() {
        harness.wireMock()
                .stubFor(post(urlPathEqualTo(NinjaOneConnector.TOKEN))
                        .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_client\"}")));

        assertThatThrownBy(() -> connector(settings()).checkConnection())
                .isInstanceOfSatisfying(CredentialsException.class, e -> assertThat(e.vendorErrorCode())
                        .isEqualTo("invalid_client"))
                .hasMessageContaining(harness.baseUrl() + NinjaOneConnector.TOKEN)
                .hasMessageNotContaining(NinjaOneStubs.CLIENT_SECRET);
    }

    @Test
    void tokenRequest_asksForTheReadOnlyMonitoringScope() {
        ninja.tokenIssues("tok-1");
        ninja.organizations("[]");

        connector(settings()).checkConnection();

        assertThat(harness.wireMock().getAllServeEvents().stream()
                        .filter(e -> e.getRequest().getUrl().equals(NinjaOneConnector.TOKEN))
                        .map(e -> e.getRequest().getBodyAsString()))
                .singleElement()
                .satisfies(body -> assertThat(body).contains("scope=monitoring", "grant_type=client_credentials"));
    }
}
