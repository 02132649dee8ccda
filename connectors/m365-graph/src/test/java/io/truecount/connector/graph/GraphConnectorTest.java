package io.truecount.connector.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.truecount.connector.graph.GraphStubs.BP;
import static io.truecount.connector.graph.GraphStubs.E3;
import static io.truecount.connector.graph.GraphStubs.removed;
import static io.truecount.connector.graph.GraphStubs.sku;
import static io.truecount.connector.graph.GraphStubs.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SyncStats;
import io.truecount.connector.testing.ConnectorHarness;
import io.truecount.connector.testing.TestSettings;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.LicenseCount;
import io.truecount.core.observation.UserAccount;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tokens per tenant, GDAP discovery, SKUs, and users read in full and then by delta. */
class GraphConnectorTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final GraphStubs graph = new GraphStubs(harness.wireMock());
    private final SyncStats stats = new SyncStats();

    static TestSettings settings(ConnectorHarness harness) {
        return harness.settings("microsoft-graph")
                .id("m365")
                .credential("client-id", "app-1")
                .credential("client-secret", GraphStubs.SECRET)
                .option("login-url", harness.baseUrl() + GraphStubs.LOGIN);
    }

    static SourceConnector connector(ConnectorHarness harness, TestSettings settings, String... tenants) {
        return new GraphConnectorType()
                .createSource(settings.build().withMappedOrganizations(Set.of(tenants)), harness.runtime());
    }

    private List<LoggedRequest> requests(String pathRegex) {
        return harness.wireMock()
                .findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(urlPathMatching(pathRegex)));
    }

    @Test
    void type_isRegistered_withItsCredentialsAndOptions() {
        ConnectorType type = ServiceLoader.load(ConnectorType.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(t -> t.name().equals("microsoft-graph"))
                .findFirst()
                .orElseThrow();
        assertThat(type.requiredCredentials()).containsExactlyInAnyOrder("client-id", "client-secret");
        assertThat(type.optionalCredentials()).containsExactly("partner-tenant-id");
        assertThat(type.optionKeys()).contains("concurrency", "page-size", "login-url", "retry.max-attempts");
        assertThat(type.defaultBaseUrl()).isEqualTo(URI.create("https://graph.microsoft.com"));
    }

    @Test
    void eachTenant_getsItsOwnToken_fromItsOwnTokenPath_keptAcrossRuns() {
        graph.quietTenant("t-a");
        graph.quietTenant("t-b");
        SourceConnector m365 = connector(harness, settings(harness), "t-a", "t-b");

        RecordingSink first = new RecordingSink();
        m365.sync(first, stats);
        m365.sync(first.next(), stats);

        for (String tenant : List.of("t-a", "t-b")) {
            List<LoggedRequest> tokens =
                    harness.wireMock().findAll(postRequestedFor(urlPathEqualTo(GraphStubs.tokenPath(tenant))));
            assertThat(tokens).hasSize(1);
            assertThat(tokens.get(0).getBodyAsString())
                    .contains("grant_type=client_credentials", "client_id=app-1")
                    .contains("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default");
        }
        // Graph stubs answer only the tenant's own token: every tenant's data arrived, so each used its own.
        assertThat(first.users).extracting(UserAccount::externalId).containsExactlyInAnyOrder("u-t-a", "u-t-b");
        assertThat(first.failures).isEmpty();
    }

    @Test
    void mappedTenants_areNamedByTheirSkus_andSkusMapToLicenceCounts() {
        graph.token("t-a");
        graph.skus(
                "t-a",
                sku(E3, "SPE_E3", "Enabled", 14, 25),
                sku(BP, "O365_BUSINESS_PREMIUM", "Warning", 3, 3),
                sku("dead-sku", "EXCHANGESTANDARD", "Deleted", 0, 0));
        graph.deltaFirst(
                "t-a",
                okJson(graph.deltaPage(
                        List.of(user("ann", true, E3, BP), user("bob", false, E3), user("cat", true)), null, "d1")));
        RecordingSink sink = new RecordingSink();

        connector(harness, settings(harness), "t-a").sync(sink, stats);

        // Named by its SKUs; the domain its users sign in with helps map it across vendors.
        assertThat(sink.organizations)
                .containsExactly(new ExternalOrganization(
                        "m365", "t-a", "Acct SPE_E3", Set.of(ExternalOrganization.domain("example.com"))));
        assertThat(sink.licenses)
                .containsExactly(
                        new LicenseCount("m365", "t-a", E3, "SPE_E3", "Enabled", 14, 25),
                        new LicenseCount("m365", "t-a", BP, "O365_BUSINESS_PREMIUM", "Warning", 3, 3),
                        new LicenseCount("m365", "t-a", "dead-sku", "EXCHANGESTANDARD", "Deleted", 0, 0));
        assertThat(sink.users)
                .containsExactly(
                        new UserAccount(
                                "m365",
                                "t-a",
                                "ann",
                                "ann@example.com",
                                true,
                                Set.of("SPE_E3", "O365_BUSINESS_PREMIUM")),
                        new UserAccount("m365", "t-a", "bob", "bob@example.com", false, Set.of("SPE_E3")),
                        new UserAccount("m365", "t-a", "cat", "cat@example.com", true, Set.of()));
    }

    @Test
    void gdap_isPagedByNextLink_reportsEveryCustomer_andOnlyMappedTenantsAreRead() {
        graph.token("partner");
        harness.wireMock()
                .stubFor(graph.forTenant(
                                get(urlPathEqualTo("/v1.0/tenantRelationships/delegatedAdminCustomers")), "partner")
                        .withQueryParam("$top", equalTo("2"))
                        .willReturn(okJson("{\"value\":[{\"id\":\"t-a\",\"tenantId\":\"t-a\",\"displayName\":\"Acme\"},"
                                + "{\"id\":\"t-b\",\"tenantId\":\"t-b\",\"displayName\":\"Beta\"}],"
                                + "\"@odata.nextLink\":\"" + harness.baseUrl()
                                + "/v1.0/tenantRelationships/delegatedAdminCustomers?$top=2&$skiptoken=p2\"}")));
        harness.wireMock()
                .stubFor(graph.forTenant(
                                get(urlPathEqualTo("/v1.0/tenantRelationships/delegatedAdminCustomers")), "partner")
                        .withQueryParam("$skiptoken", equalTo("p2"))
                        .willReturn(
                                okJson("{\"value\":[{\"id\":\"t-c\",\"tenantId\":\"t-c\",\"displayName\":\"Cee\"}]}")));
        graph.quietTenant("t-a");
        graph.quietTenant("t-x");
        RecordingSink sink = new RecordingSink();

        connector(
                        harness,
                        settings(harness)
                                .credential("partner-tenant-id", "partner")
                                .option("page-size", "2"),
                        "t-a",
                        "t-x")
                .sync(sink, stats);

        // GDAP's three customers with their names; t-x is mapped but not a GDAP customer, so it is named by its SKUs.
        assertThat(sink.organizations)
                .extracting(ExternalOrganization::externalId, ExternalOrganization::name)
                .containsExactlyInAnyOrder(
                        tuple("t-a", "Acme"), tuple("t-b", "Beta"), tuple("t-c", "Cee"), tuple("t-x", "Acct SPE_E3"));
        assertThat(requests("/v1.0/tenantRelationships/delegatedAdminCustomers"))
                .hasSize(2);
        assertThat(sink.users).extracting(UserAccount::organizationId).containsExactlyInAnyOrder("t-a", "t-x");
        assertThat(requests("/login/t-b/.*")).isEmpty();
    }

    @Test
    void withoutMappedTenants_everyDiscoveredTenantIsRead() {
        graph.token("partner");
        harness.wireMock()
                .stubFor(graph.forTenant(
                                get(urlPathEqualTo("/v1.0/tenantRelationships/delegatedAdminCustomers")), "partner")
                        .willReturn(okJson("{\"value\":[{\"id\":\"t-a\",\"tenantId\":\"t-a\",\"displayName\":\"Acme\"},"
                                + "{\"id\":\"t-b\",\"tenantId\":\"t-b\",\"displayName\":\"Beta\"}]}")));
        graph.quietTenant("t-a");
        graph.quietTenant("t-b");
        RecordingSink sink = new RecordingSink();

        connector(harness, settings(harness).credential("partner-tenant-id", "partner"))
                .sync(sink, stats);

        assertThat(sink.organizations).extracting(ExternalOrganization::name).containsExactlyInAnyOrder("Acme", "Beta");
        assertThat(sink.users).extracting(UserAccount::organizationId).containsExactlyInAnyOrder("t-a", "t-b");
        assertThat(sink.saved).containsOnlyKeys("delta:t-a", "delta:t-b", "domains:t-a", "domains:t-b");
    }

    @Test
    void fullRead_followsNextLinks_withThePageSizePreferred_andSavesTheDeltaLink() {
        graph.token("t-a");
        graph.skus("t-a", sku(E3, "SPE_E3", "Enabled", 3, 5));
        graph.deltaFirst(
                "t-a", okJson(graph.deltaPage(List.of(user("u1", true, E3), user("u2", true, E3)), "s2", null)));
        graph.deltaSkip("t-a", "s2", okJson(graph.deltaPage(List.of(user("u3", true, E3)), null, "d-after-u3")));
        RecordingSink sink = new RecordingSink();

        connector(harness, settings(harness).option("page-size", "2"), "t-a").sync(sink, stats);

        assertThat(sink.users).extracting(UserAccount::externalId).containsExactly("u1", "u2", "u3");
        assertThat(sink.events).containsExactly("users t-a 2", "users t-a 1");
        assertThat(sink.saved)
                .containsExactly(
                        Map.entry("delta:t-a", graph.deltaLink("d-after-u3")), Map.entry("domains:t-a", "example.com"));
        List<LoggedRequest> delta = requests("/v1.0/users/delta");
        assertThat(delta).hasSize(2).allSatisfy(r -> assertThat(r.getHeader("Prefer"))
                .isEqualTo("odata.maxpagesize=2"));
        assertThat(delta.get(0).queryParameter("$select").firstValue())
                .isEqualTo("id,userPrincipalName,accountEnabled,assignedLicenses");
        assertThat(delta.get(0).getHeader("Prefer")).doesNotContain("return=minimal");
    }

    @Test
    void incrementalRead_carriesUsersForwardFirst_thenDeliversChangesAndRemovals() {
        graph.token("t-a");
        graph.skus("t-a", sku(E3, "SPE_E3", "Enabled", 3, 5), sku(BP, "O365_BUSINESS_PREMIUM", "Enabled", 1, 1));
        graph.deltaToken(
                "t-a", "d1", okJson(graph.deltaPage(List.of(user("u2", true, E3, BP), removed("u3")), "s2", null)));
        graph.deltaSkip("t-a", "s2", okJson(graph.deltaPage(List.of(user("u9", false)), null, "d2")));
        RecordingSink sink = new RecordingSink(Map.of("delta:t-a", graph.deltaLink("d1")));

        connector(harness, settings(harness), "t-a").sync(sink, stats);

        assertThat(sink.events).containsExactly("carried t-a", "users t-a 1", "removed t-a [u3]", "users t-a 1");
        assertThat(sink.users)
                .containsExactly(
                        new UserAccount(
                                "m365", "t-a", "u2", "u2@example.com", true, Set.of("SPE_E3", "O365_BUSINESS_PREMIUM")),
                        new UserAccount("m365", "t-a", "u9", "u9@example.com", false, Set.of()));
        assertThat(sink.saved).containsEntry("delta:t-a", graph.deltaLink("d2"));
        assertThat(requests("/v1.0/users/delta"))
                .extracting(r -> r.queryParameter("$skiptoken").isPresent()
                        ? "skip"
                        : r.queryParameter("$deltatoken").firstValue())
                .containsExactly("d1", "skip");
    }

    @Test
    void expiredDeltaLink_fallsBackToAFullRead_withoutCarryingForward() {
        graph.token("t-a");
        graph.skus("t-a", sku(E3, "SPE_E3", "Enabled", 1, 1));
        graph.deltaToken(
                "t-a",
                "old",
                aResponse()
                        .withStatus(410)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\":{\"code\":\"SyncStateNotFound\",\"message\":\"The sync state is gone.\"}}"));
        graph.deltaFirst("t-a", okJson(graph.deltaPage(List.of(user("u1", true, E3)), null, "fresh")));
        RecordingSink sink = new RecordingSink(Map.of("delta:t-a", graph.deltaLink("old")));

        connector(harness, settings(harness), "t-a").sync(sink, stats);

        assertThat(sink.events).containsExactly("users t-a 1");
        assertThat(sink.failures).isEmpty();
        assertThat(sink.saved).containsEntry("delta:t-a", graph.deltaLink("fresh"));
    }

    @Test
    void storedDeltaLinkToAnotherHost_isNotFollowed_butTheTenantReadInFull() {
        graph.quietTenant("t-a");
        RecordingSink sink =
                new RecordingSink(Map.of("delta:t-a", "https://elsewhere.example/v1.0/users/delta?$deltatoken=d1"));

        connector(harness, settings(harness), "t-a").sync(sink, stats);

        assertThat(sink.events).containsExactly("users t-a 1");
        assertThat(sink.saved).containsEntry("delta:t-a", graph.deltaLink("d-t-a"));
    }

    @Test
    void deltaLinkExpiringMidRead_failsOnlyThatTenant_andSavesNoLinkForIt() {
        graph.quietTenant("t-b");
        graph.token("t-a");
        graph.skus("t-a", sku(E3, "SPE_E3", "Enabled", 1, 1));
        graph.deltaToken("t-a", "d1", okJson(graph.deltaPage(List.of(user("u2", true, E3)), "s2", null)));
        graph.deltaSkip(
                "t-a",
                "s2",
                aResponse()
                        .withStatus(410)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"SyncStateNotFound\"}}"));
        RecordingSink sink = new RecordingSink(Map.of("delta:t-a", graph.deltaLink("d1")));

        connector(harness, settings(harness), "t-a", "t-b").sync(sink, stats);

        assertThat(sink.failures).containsOnlyKeys("t-a");
        assertThat(sink.failures.get("t-a")).contains("tenant t-a", "SyncStateNotFound");
        assertThat(sink.saved).containsOnlyKeys("delta:t-b", "domains:t-b");
    }

    @Test
    void checkConnection_takesATokenAndReadsTheSkusOfTheFirstMappedTenant() {
        graph.quietTenant("t-a");
        connector(harness, settings(harness), "t-a", "t-b").checkConnection();

        assertThat(requests("/login/t-a/.*")).hasSize(1);
        assertThat(requests("/v1.0/subscribedSkus")).hasSize(1);
        assertThat(requests("/login/t-b/.*")).isEmpty();
    }
}
