package io.truecount.connector.datto;

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

/**
 * A small Datto RMM on WireMock: the token endpoint, and pages of sites and site devices keyed by {@code page}, each
 * naming the next page with an absolute {@code nextPageUrl} back at WireMock, as Datto does.
 */
final class DattoStubs {

    static final String API_SECRET = "datto-api-secret-value";

    private final WireMockServer wireMock;

    DattoStubs(WireMockServer wireMock) {
        this.wireMock = wireMock;
    }

    void tokenIssues(String token) {
        wireMock.stubFor(post(urlPathEqualTo(DattoConnector.TOKEN))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\","
                        + "\"expires_in\":359999,\"scope\":\"default\"}")));
    }

    /** Answers the page of {@code path} requested with this {@code page} (null: the first request, without one). */
    void page(String path, Integer page, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlPathEqualTo(path))
                .withQueryParam("page", page == null ? absent() : equalTo(page.toString()))
                .willReturn(answer));
    }

    /** A Datto page body: the records under {@code field}, and a link to {@code nextPage} of the same path or null. */
    String body(String path, String field, String records, Integer nextPage) {
        String next = nextPage == null ? "null" : "\"" + wireMock.baseUrl() + path + "?max=2&page=" + nextPage + "\"";
        return "{\"pageDetails\":{\"count\":2,\"totalCount\":5,\"prevPageUrl\":null,\"nextPageUrl\":" + next + "},\""
                + field + "\":" + records + "}";
    }

    void sitesPage(Integer page, String sites, Integer nextPage) {
        page(DattoConnector.SITES, page, okJson(body(DattoConnector.SITES, "sites", sites, nextPage)));
    }

    void devicesPage(String siteUid, Integer page, int fromId, int toId, Integer nextPage) {
        String path = DattoConnector.devicesPath(siteUid);
        page(path, page, okJson(body(path, "devices", devices(siteUid, fromId, toId), nextPage)));
    }

    static String site(String uid, String name) {
        return "{\"id\":101,\"uid\":\"" + uid + "\",\"name\":\"" + name + "\",\"autotaskCompanyId\":\"1234\"}";
    }

    /** Devices d-fromId..d-toId (inclusive; none when toId < fromId), all live laptops of the site. */
    static String devices(String siteUid, int fromId, int toId) {
        return IntStream.rangeClosed(fromId, toId)
                .mapToObj(id -> "{\"id\":" + id + ",\"uid\":\"d-" + id + "\",\"siteUid\":\"" + siteUid + "\","
                        + "\"hostname\":\"WS-" + id + "\",\"deviceClass\":\"device\","
                        + "\"deviceType\":{\"category\":\"Laptop\",\"type\":\"Notebook\"},"
                        + "\"deleted\":false,\"suspended\":false,\"lastSeen\":1715594400000}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    List<LoggedRequest> requestsTo(String path) {
        return wireMock.findAll(getRequestedFor(urlPathEqualTo(path)));
    }

    int tokenRequests() {
        return wireMock.findAll(postRequestedFor(urlPathEqualTo(DattoConnector.TOKEN)))
                .size();
    }
}
