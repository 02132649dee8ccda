package io.truecount.sim.graph;

import static io.truecount.sim.graph.GraphClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.sim.graph.GraphClient.Read;
import io.truecount.sim.graph.GraphTenant.Consent;
import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.vendor.Mode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphSimulatorTest {

    private static final String ACME = "t-acme";
    private static final String BETA = "t-beta";

    private GraphSimulator graph;
    private GraphClient client;

    /** Acme: 5 users on E3 (one disabled), 7 seats, a Deleted Essentials; Beta: unconsented. */
    static GraphData data() {
        GraphData.Builder builder = GraphData.builder()
                .tenant(ACME, "Acme Dental")
                .sku(ACME, "SPE_E3", "Enabled", 7)
                .sku(ACME, "O365_BUSINESS_ESSENTIALS", "Deleted", 0)
                .tenant(BETA, "Beta Law")
                .sku(BETA, "SPE_E3", "Enabled", 1)
                .unconsented(BETA);
        for (int i = 1; i <= 5; i++) {
            builder.user(ACME, "u" + i, "user" + i + "@acme.example", i != 5, "SPE_E3");
        }
        return builder.build();
    }

    @BeforeEach
    void start() {
        graph = GraphSimulator.builder(data()).tokenRequestLimit(2).start();
        client = new GraphClient(graph.baseUrl());
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private static String aadsts(HttpResponse<String> response) {
        return "AADSTS" + json(response.body()).get("error_codes").get(0).asLong();
    }

    @Test
    void tokens_areIssuedPerTenant_andRefusedWithEntraIdsCodes() {
        assertThat(client.requestToken(ACME, graph.clientId(), graph.clientSecret())
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> unconsented = client.requestToken(BETA, graph.clientId(), graph.clientSecret());
        assertThat(unconsented.statusCode()).isEqualTo(400);
        assertThat(aadsts(unconsented)).isEqualTo("AADSTS700016");
        assertThat(aadsts(client.requestToken("t-nobody", graph.clientId(), graph.clientSecret())))
                .isEqualTo("AADSTS90002");
        HttpResponse<String> badSecret = client.requestToken(ACME, graph.clientId(), "wrong");
        assertThat(badSecret.statusCode()).isEqualTo(401);
        assertThat(aadsts(badSecret)).isEqualTo("AADSTS7000215");
        assertThat(json(badSecret.body()).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void revokedConsent_refusesNewTokens_andDataForTokensAlreadyIssued() {
        String token = client.token(graph, ACME);
        graph.data().tenant(ACME).consent(Consent.REVOKED);

        HttpResponse<String> skus = client.get("/v1.0/subscribedSkus", token, 0);
        assertThat(skus.statusCode()).isEqualTo(403);
        assertThat(json(skus.body()).at("/error/code").asText()).isEqualTo("Authorization_RequestDenied");
        assertThat(aadsts(client.requestToken(ACME, graph.clientId(), graph.clientSecret())))
                .isEqualTo("AADSTS7000229");
    }

    @Test
    void subscribedSkus_countAssignedLicences_andFollowChanges() {
        String token = client.token(graph, ACME);
        JsonNode skus =
                json(client.get("/v1.0/subscribedSkus", token, 0).body()).get("value");
        assertThat(skus).hasSize(2);
        assertThat(skus.get(0).get("skuPartNumber").asText()).isEqualTo("SPE_E3");
        assertThat(skus.get(0).get("consumedUnits").asInt()).isEqualTo(5);
        assertThat(skus.get(0).at("/prepaidUnits/enabled").asInt()).isEqualTo(7);
        assertThat(skus.get(1).get("capabilityStatus").asText()).isEqualTo("Deleted");

        graph.data().tenant(ACME).delete("u1");
        graph.data().tenant(ACME).setPrepaid("SPE_E3", 6);
        JsonNode after =
                json(client.get("/v1.0/subscribedSkus", token, 0).body()).get("value");
        assertThat(after.get(0).get("consumedUnits").asInt()).isEqualTo(4);
        assertThat(after.get(0).at("/prepaidUnits/enabled").asInt()).isEqualTo(6);
    }

    @Test
    void delta_pagesAFullRead_thenReturnsOnlyWhatChanged() {
        String token = client.token(graph, ACME);
        Read full = client.read("/v1.0/users/delta?$select=id,accountEnabled", token, 2);
        assertThat(full.records()).extracting(u -> u.get("id").asText()).containsExactly("u1", "u2", "u3", "u4", "u5");
        assertThat(full.pages()).isEqualTo(3);

        Read nothing = client.read(full.deltaLink(), token, 2);
        assertThat(nothing.records()).isEmpty();
        assertThat(nothing.deltaLink()).isEqualTo(full.deltaLink());

        GraphTenant acme = graph.data().tenant(ACME);
        acme.setEnabled("u2", false);
        acme.delete("u3");
        acme.addUser("u6", "new@acme.example", true, "SPE_E3");
        acme.assign("u2");
        Read changes = client.read(full.deltaLink(), token, 2);
        List<String> seen = new ArrayList<>();
        changes.records().forEach(u -> seen.add(u.get("id").asText() + (u.has("@removed") ? " removed" : "")));
        assertThat(seen).containsExactly("u3 removed", "u6", "u2");
        JsonNode u2 = changes.records().get(2);
        assertThat(u2.get("accountEnabled").asBoolean()).isFalse();
        assertThat(u2.get("assignedLicenses")).isEmpty();

        assertThat(client.read(changes.deltaLink(), token, 2).records()).isEmpty();
    }

    @Test
    void expiredDeltaTokens_answer410_andAFreshFullReadWorks() {
        String token = client.token(graph, ACME);
        Read full = client.read("/v1.0/users/delta", token, 0);
        graph.data().tenant(ACME).expireDeltaTokens();

        HttpResponse<String> gone = client.get(full.deltaLink(), token, 0);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(json(gone.body()).at("/error/code").asText()).isEqualTo("SyncStateNotFound");
        Read again = client.read("/v1.0/users/delta", token, 0);
        assertThat(client.read(again.deltaLink(), token, 0).records()).isEmpty();
    }

    @Test
    void gdap_listsEveryCustomerTenant_toThePartnerOnly() {
        String partner = client.token(graph, graph.partnerTenantId());
        HttpResponse<String> page1 = client.get("/v1.0/tenantRelationships/delegatedAdminCustomers?$top=1", partner, 0);
        JsonNode body = json(page1.body());
        assertThat(body.get("value").get(0).get("tenantId").asText()).isEqualTo(ACME);
        JsonNode page2 = json(
                client.get(body.get("@odata.nextLink").asText(), partner, 0).body());
        assertThat(page2.get("value").get(0).get("displayName").asText()).isEqualTo("Beta Law");
        assertThat(page2.has("@odata.nextLink")).isFalse();

        String acme = client.token(graph, ACME);
        assertThat(client.get("/v1.0/tenantRelationships/delegatedAdminCustomers", acme, 0)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void modes_misbehaveAsDocumented() {
        String token = client.token(graph, ACME);
        graph.mode(Mode.THROTTLE);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(client.get("/v1.0/subscribedSkus", token, 0).statusCode());
        }
        assertThat(statuses).containsExactly(200, 200, 429);

        graph.mode(Mode.FAIL_5XX);
        assertThat(client.get("/v1.0/subscribedSkus", token, 0).statusCode()).isEqualTo(503);
        assertThat(client.get("/v1.0/subscribedSkus", token, 0).statusCode()).isEqualTo(500);

        graph.mode(Mode.TOKEN_EXPIRY);
        assertThat(client.get("/v1.0/subscribedSkus", token, 0).statusCode()).isEqualTo(200);
        assertThat(client.get("/v1.0/subscribedSkus", token, 0).statusCode()).isEqualTo(200);
        assertThat(client.get("/v1.0/subscribedSkus", token, 0).statusCode()).isEqualTo(401);

        graph.mode(Mode.MALFORMED_PAGE);
        String fresh = client.token(graph, ACME);
        JsonNode first = json(client.get("/v1.0/users/delta", fresh, 2).body());
        String second =
                client.get(first.get("@odata.nextLink").asText(), fresh, 2).body();
        assertThat(second).startsWith("{\"@odata.context\"").doesNotEndWith("}");

        graph.mode(Mode.NORMAL);
        assertThat(graph.requests()).extracting(ServedRequest::tenant).contains(ACME);
        assertThat(graph.graphRequestCount()).isEqualTo(graph.requests().size() - graph.requestCount(Endpoint.TOKEN));
    }

    @Test
    void slowMode_delaysEveryAnswer() {
        graph.close();
        graph = GraphSimulator.builder(data()).slowDelay(Duration.ofMillis(300)).start();
        client = new GraphClient(graph.baseUrl());
        graph.mode(Mode.SLOW);
        long start = System.nanoTime();
        client.token(graph, ACME);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void generatedData_scalesTo2000TenantsAnd100000Users_inSeconds() {
        SampleMsp msp = SampleMsp.generate(42, 2000, 4, Instant.parse("2026-11-01T00:00:00Z"));
        long start = System.nanoTime();
        GraphData large = GraphData.from(msp, 50, 2);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(large.tenants()).hasSize(2000);
        assertThat(large.userCount()).isBetween(90_000L, 110_000L);
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(large.tenants())
                .filteredOn(t -> t.consent() == Consent.UNCONSENTED)
                .isNotEmpty();
        // Deterministic: the same MSP gives the same tenants and users.
        GraphData again = GraphData.from(msp, 50, 2);
        assertThat(again.tenants().get(7).userIds())
                .isEqualTo(large.tenants().get(7).userIds());
    }
}
