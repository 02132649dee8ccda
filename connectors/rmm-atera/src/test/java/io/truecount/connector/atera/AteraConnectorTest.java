package io.truecount.connector.atera;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.truecount.connector.CredentialsException;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SyncStats;
import io.truecount.connector.testing.CollectingSink;
import io.truecount.connector.testing.ConnectorHarness;
import io.truecount.connector.testing.TestSettings;
import io.truecount.core.observation.AssetClass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AteraConnectorTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final AteraStubs atera = new AteraStubs(harness.wireMock());
    private final SyncStats stats = new SyncStats();

    private TestSettings settings() {
        return harness.settings("atera").id("atera").credential("api-key", AteraStubs.API_KEY);
    }

    private SourceConnector connector(TestSettings settings) {
        return new AteraConnectorType().createSource(settings.build(), harness.runtime());
    }

    private SourceConnector pagingByTwo() {
        return connector(settings().option("page-size", "2"));
    }

    private static List<String> pageNumbers(List<LoggedRequest> requests) {
        return requests.stream().map(r -> r.queryParameter("page").firstValue()).toList();
    }

    @Test
    void sync_pagesAgentsByNumberUntilTotalPages_withTheApiKeyOnEveryRequest() {
        atera.customers(3001);
        atera.agentsPage(1, 3, 1, 2);
        atera.agentsPage(2, 3, 3, 4);
        atera.agentsPage(3, 3, 5, 5);
        CollectingSink sink = new CollectingSink();

        pagingByTwo().sync(sink, stats);

        List<LoggedRequest> agentRequests = atera.requestsTo(AteraConnector.AGENTS);
        assertThat(pageNumbers(agentRequests)).containsExactly("1", "2", "3");
        assertThat(agentRequests)
                .allSatisfy(r ->
                        assertThat(r.queryParameter("itemsInPage").firstValue()).isEqualTo("2"))
                .allSatisfy(r -> assertThat(r.getHeader("X-API-KEY")).isEqualTo(AteraStubs.API_KEY));
        assertThat(sink.assetPages()).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(sink.assets()).extracting(a -> a.externalId()).containsExactly("1", "2", "3", "4", "5");
        assertThat(sink.assets()).allSatisfy(a -> {
            assertThat(a.organizationId()).isEqualTo("3001");
            assertThat(a.assetClass()).isEqualTo(AssetClass.WORKSTATION);
            assertThat(a.managed()).isTrue();
        });
        assertThat(sink.organizations()).extracting(o -> o.externalId()).containsExactly("3001");
        assertThat(stats.pages()).isEqualTo(4);
        assertThat(stats.records()).isEqualTo(6);
    }

    @Test
    void fullLastPage_endsTheListingWithoutAskingForAnEmptyOne() {
        atera.customers(3001);
        atera.agentsPage(1, 2, 1, 2);
        atera.agentsPage(2, 2, 3, 4);
        CollectingSink sink = new CollectingSink();

        pagingByTwo().sync(sink, stats);

        assertThat(pageNumbers(atera.requestsTo(AteraConnector.AGENTS))).containsExactly("1", "2");
        assertThat(sink.assets()).hasSize(4);
    }

    @Test
    void sync_readsCustomersBeforeAgents_andHandsEachPageOverBeforeFetchingTheNext() {
        atera.customers(3001, 3002);
        atera.agentsPage(1, 2, 1, 2);
        atera.agentsPage(2, 2, 3, 3);
        List<String> deliveries = new ArrayList<>();
        CollectingSink sink = new CollectingSink(() -> deliveries.add(atera.requestsTo(AteraConnector.CUSTOMERS)
                        .size() + "/" + atera.requestsTo(AteraConnector.AGENTS).size()));

        pagingByTwo().sync(sink, stats);

        assertThat(deliveries).containsExactly("1/0", "1/1", "1/2");
        assertThat(sink.organizations()).extracting(o -> o.name()).containsExactly("Customer 3001", "Customer 3002");
    }

    @Test
    void pageSize_defaultsToAterasMaximumOf50() {
        atera.customers();
        atera.agentsPage(1, 1, 1, 1);

        connector(settings()).sync(new CollectingSink(), stats);

        harness.wireMock()
                .verify(getRequestedFor(urlPathEqualTo(AteraConnector.AGENTS))
                        .withQueryParam("itemsInPage", equalTo("50")));
    }

    @Test
    void pageSizeAbove50_isRejectedWhenTheConnectorIsBuilt() {
        assertThatThrownBy(() -> connector(settings().option("page-size", "500")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connector atera: option 'page-size' must be between 1 and 50, not 500");
    }

    @Test
    void refusedKey_isCredentialsException_afterOneRequest_withoutTheKey() {
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(AteraConnector.CUSTOMERS))
                        .willReturn(aResponse()
                                .withStatus(401)
                                .withBody("{\"Message\":\"Authorization has been denied for this request.\"}")));

        assertThatThrownBy(() -> pagingByTwo().sync(new CollectingSink(), stats))
                .isInstanceOf(CredentialsException.class)
                .hasMessageStartingWith("connector 'atera': ")
                .hasMessageContaining(harness.baseUrl() + AteraConnector.CUSTOMERS + "?page=1&itemsInPage=2")
                .hasMessageNotContaining(AteraStubs.API_KEY);
        assertThat(atera.requestsTo(AteraConnector.CUSTOMERS)).hasSize(1);
        assertThat(atera.requestsTo(AteraConnector.AGENTS)).isEmpty();
    }

    @Test
    void checkConnection_asksForOneCustomerWithTheKey() {
        atera.customers(3001);

        connector(settings()).checkConnection();

        harness.wireMock()
                .verify(
                        1,
                        getRequestedFor(urlPathEqualTo(AteraConnector.CUSTOMERS))
                                .withQueryParam("itemsInPage", equalTo("1"))
                                .withHeader("X-API-KEY", equalTo(AteraStubs.API_KEY)));
        assertThat(atera.requestsTo(AteraConnector.AGENTS)).isEmpty();
    }

    @Test
    void checkConnection_withRefusedKey_isCredentialsException() {
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(AteraConnector.CUSTOMERS))
                        .willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> connector(settings()).checkConnection())
                .isInstanceOf(CredentialsException.class)
                .hasMessageNotContaining(AteraStubs.API_KEY);
    }

    @Test
    void assetClassOverrides_fromSettings_reachTheMapper() {
        atera.customers(3001);
        atera.page(
                AteraConnector.AGENTS,
                1,
                okJson(AteraStubs.envelope("[{\"AgentID\":1,\"CustomerID\":3001,\"OSType\":\"Mac\"}]", 1, 1)));
        CollectingSink sink = new CollectingSink();

        connector(settings().assetClass("Mac", AssetClass.WORKSTATION)).sync(sink, stats);

        assertThat(sink.assets()).singleElement().satisfies(a -> assertThat(a.assetClass())
                .isEqualTo(AssetClass.WORKSTATION));
    }
}
