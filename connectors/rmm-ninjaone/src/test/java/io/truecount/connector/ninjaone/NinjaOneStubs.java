package io.truecount.connector.ninjaone;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A small NinjaOne on WireMock: a token endpoint and pages of organizations and devices keyed by {@code after}. */
final class NinjaOneStubs {

    static final String CLIENT_SECRET = "ninja-client-secret-value";

    private final WireMockServer wireMock;

    NinjaOneStubs(WireMockServer wireMock) {
        this.wireMock = wireMock;
    }

    void tokenIssues(String token) {
        wireMock.stubFor(post(urlPathEqualTo(NinjaOneConnector.TOKEN))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":3600,\"scope\":\"monitoring\"}")));
    }

    /** Answers the page of {@code path} requested with this {@code after} (null: the first page). */
    void page(String path, String after, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlPathEqualTo(path))
                .withQueryParam("after", after == null ? absent() : equalTo(after))
                .willReturn(answer));
    }

    void organizations(String json) {
        page(NinjaOneConnector.ORGANIZATIONS, null, okJson(json));
    }

    void devicesPage(String after, int fromId, int toId) {
        page(NinjaOneConnector.DEVICES, after, okJson(devices(fromId, toId)));
    }

    /** Devices with ids fromId..toId (inclusive; none when toId < fromId), all approved workstations of org 12. */
    static String devices(int fromId, int toId) {
        return IntStream.rangeClosed(fromId, toId)
                .mapToObj(id -> "{\"id\":" + id + ",\"organizationId\":12,\"nodeClass\":\"WINDOWS_WORKSTATION\","
                        + "\"approvalStatus\":\"APPROVED\",\"displayName\":\"WS-" + id + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    List<LoggedRequest> requestsTo(String path) {
        return wireMock.findAll(getRequestedFor(urlPathEqualTo(path)));
    }

    int tokenRequests() {
        return wireMock.findAll(postRequestedFor(urlPathEqualTo(NinjaOneConnector.TOKEN)))
                .size();
    }
}
