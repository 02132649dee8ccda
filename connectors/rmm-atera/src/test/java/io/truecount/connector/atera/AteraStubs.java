package io.truecount.connector.atera;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A small Atera on WireMock: pages of customers and agents keyed by {@code page}, in Atera's envelope. */
final class AteraStubs {

    static final String API_KEY = "atera-api-key-value";

    private final WireMockServer wireMock;

    AteraStubs(WireMockServer wireMock) {
        this.wireMock = wireMock;
    }

    /** Answers page {@code page} of {@code path}. */
    void page(String path, int page, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlPathEqualTo(path))
                .withQueryParam("page", equalTo(Integer.toString(page)))
                .willReturn(answer));
    }

    /** One page of customers with these ids, named "Customer <id>", as the only page. */
    void customers(int... ids) {
        String items = IntStream.of(ids)
                .mapToObj(id -> "{\"CustomerID\":" + id + ",\"CustomerName\":\"Customer " + id + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        page(AteraConnector.CUSTOMERS, 1, okJson(envelope(items, 1, 1)));
    }

    /** Page {@code page} of {@code totalPages}, holding agents fromId..toId (inclusive), workstations of 3001. */
    void agentsPage(int page, int totalPages, int fromId, int toId) {
        page(AteraConnector.AGENTS, page, okJson(envelope(agents(fromId, toId), page, totalPages)));
    }

    static String agents(int fromId, int toId) {
        return IntStream.rangeClosed(fromId, toId)
                .mapToObj(id -> "{\"AgentID\":" + id + ",\"CustomerID\":3001,\"OSType\":\"Work Station\","
                        + "\"MachineName\":\"WS-" + id + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    static String envelope(String items, int page, int totalPages) {
        return "{\"items\":" + items + ",\"page\":" + page + ",\"itemsInPage\":2,\"totalPages\":" + totalPages
                + ",\"prevLink\":\"\",\"nextLink\":\"\"}";
    }

    List<LoggedRequest> requestsTo(String path) {
        return wireMock.findAll(getRequestedFor(urlPathEqualTo(path)));
    }
}
