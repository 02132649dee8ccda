package io.truecount.connector.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.List;

/**
 * A small Microsoft 365 on WireMock: Entra ID under {@code /login/{tenant}/oauth2/v2.0/token}, Graph under
 * {@code /v1.0}. Each tenant's token is {@code tok-<tenant>}, and its data stubs answer only that token, as Graph
 * knows the tenant from the token.
 */
final class GraphStubs {

    static final String LOGIN = "/login";
    static final String SECRET = "graph-client-secret-value";
    static final String E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    static final String BP = "f245ecc8-75af-4f8e-b61f-27d8114de5f3";

    private final WireMockServer wireMock;

    GraphStubs(WireMockServer wireMock) {
        this.wireMock = wireMock;
    }

    static String tokenPath(String tenant) {
        return LOGIN + "/" + tenant + "/oauth2/v2.0/token";
    }

    void token(String tenant) {
        wireMock.stubFor(post(urlPathEqualTo(tokenPath(tenant)))
                .willReturn(okJson(
                        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"tok-" + tenant + "\"}")));
    }

    /** Entra ID's refusal: {@code {"error": .., "error_description": "AADSTS..: ..", "error_codes": [..]}}. */
    void tokenRefused(String tenant, int status, String error, long code) {
        wireMock.stubFor(post(urlPathEqualTo(tokenPath(tenant)))
                .willReturn(ResponseDefinitions.json(
                        status,
                        "{\"error\":\"" + error + "\",\"error_description\":\"AADSTS" + code
                                + ": refused for this test.\",\"error_codes\":[" + code + "]}")));
    }

    MappingBuilder forTenant(MappingBuilder request, String tenant) {
        return request.withHeader("Authorization", equalTo("Bearer tok-" + tenant));
    }

    void skus(String tenant, String... skus) {
        wireMock.stubFor(forTenant(get(urlPathEqualTo("/v1.0/subscribedSkus")), tenant)
                .willReturn(okJson("{\"value\":[" + String.join(",", skus) + "]}")));
    }

    static String sku(String skuId, String partNumber, String status, int consumed, int enabled) {
        return "{\"accountName\":\"Acct " + partNumber + "\",\"capabilityStatus\":\"" + status
                + "\",\"consumedUnits\":" + consumed + ",\"id\":\"x_" + skuId + "\",\"prepaidUnits\":{\"enabled\":"
                + enabled + ",\"lockedOut\":0,\"suspended\":0,\"warning\":0},\"skuId\":\"" + skuId
                + "\",\"skuPartNumber\":\"" + partNumber + "\"}";
    }

    static String user(String id, boolean enabled, String... skuIds) {
        StringBuilder licences = new StringBuilder();
        for (String skuId : skuIds) {
            licences.append(licences.isEmpty() ? "" : ",")
                    .append("{\"disabledPlans\":[],\"skuId\":\"")
                    .append(skuId)
                    .append("\"}");
        }
        return "{\"id\":\"" + id + "\",\"userPrincipalName\":\"" + id + "@example.com\",\"accountEnabled\":" + enabled
                + ",\"assignedLicenses\":[" + licences + "]}";
    }

    static String removed(String id) {
        return "{\"id\":\"" + id + "\",\"@removed\":{\"reason\":\"deleted\"}}";
    }

    /** The first page of a full delta read: no skip or delta token. */
    void deltaFirst(String tenant, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(forTenant(get(urlPathEqualTo("/v1.0/users/delta")), tenant)
                .withQueryParam("$skiptoken", absent())
                .withQueryParam("$deltatoken", absent())
                .willReturn(answer));
    }

    void deltaSkip(String tenant, String skiptoken, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(forTenant(get(urlPathEqualTo("/v1.0/users/delta")), tenant)
                .withQueryParam("$skiptoken", equalTo(skiptoken))
                .willReturn(answer));
    }

    void deltaToken(String tenant, String deltatoken, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(forTenant(get(urlPathEqualTo("/v1.0/users/delta")), tenant)
                .withQueryParam("$deltatoken", equalTo(deltatoken))
                .willReturn(answer));
    }

    /** A delta page: users, then a next link (skip token) or a delta link (delta token). */
    String deltaPage(List<String> users, String skiptoken, String deltatoken) {
        String base = wireMock.baseUrl() + "/v1.0/users/delta";
        return "{\"@odata.context\":\"" + wireMock.baseUrl() + "/v1.0/$metadata#users\",\"value\":["
                + String.join(",", users) + "]"
                + (skiptoken == null ? "" : ",\"@odata.nextLink\":\"" + base + "?$skiptoken=" + skiptoken + "\"")
                + (deltatoken == null ? "" : ",\"@odata.deltaLink\":\"" + base + "?$deltatoken=" + deltatoken + "\"")
                + "}";
    }

    String deltaLink(String deltatoken) {
        return wireMock.baseUrl() + "/v1.0/users/delta?$deltatoken=" + deltatoken;
    }

    /** A tenant with one SKU, one user and no changes: everything a sync needs, first or incremental. */
    void quietTenant(String tenant) {
        token(tenant);
        skus(tenant, sku(E3, "SPE_E3", "Enabled", 1, 2));
        deltaFirst(tenant, okJson(deltaPage(List.of(user("u-" + tenant, true, E3)), null, "d-" + tenant)));
        deltaToken(tenant, "d-" + tenant, okJson(deltaPage(List.of(), null, "d-" + tenant)));
    }

    static final class ResponseDefinitions {
        private ResponseDefinitions() {}

        static ResponseDefinitionBuilder json(int status, String body) {
            return aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body);
        }
    }
}
