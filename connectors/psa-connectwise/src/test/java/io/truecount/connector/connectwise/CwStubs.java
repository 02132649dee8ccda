package io.truecount.connector.connectwise;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/** A small ConnectWise PSA on WireMock under {@code /v4_6_release/apis/3.0}, pages keyed by {@code pageId}. */
final class CwStubs {

    static final String API = "/v4_6_release/apis/3.0";
    static final String PRIVATE_KEY = "cw-private-key-value";

    private final WireMockServer wireMock;

    CwStubs(WireMockServer wireMock) {
        this.wireMock = wireMock;
    }

    /** Every listing no other stub answers is empty, as ConnectWise answers past the last page. */
    void emptyBeyondStubbedPages() {
        for (String path :
                List.of(ConnectWiseConnector.COMPANIES, ConnectWiseConnector.ENTRIES, TicketLookup.TICKETS)) {
            wireMock.stubFor(get(urlPathEqualTo(API + path)).atPriority(10).willReturn(okJson("[]")));
        }
    }

    /** The page after {@code pageId} (null: the first page) of the listing at {@code API + path}. */
    MappingBuilder page(String path, String pageId) {
        return get(urlPathEqualTo(API + path))
                .atPriority(5)
                .withQueryParam("pageId", pageId == null ? absent() : equalTo(pageId));
    }

    void page(String path, String pageId, List<String> records) {
        wireMock.stubFor(page(path, pageId).willReturn(okJson(array(records))));
    }

    void page(String path, String pageId, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(page(path, pageId).willReturn(answer));
    }

    /** Answers the entries listing whose {@code fields} is exactly this (the sweep asks for {@code id}). */
    void sweepPage(String pageId, List<String> records) {
        wireMock.stubFor(page(ConnectWiseConnector.ENTRIES, pageId)
                .atPriority(1)
                .withQueryParam("fields", equalTo("id"))
                .willReturn(okJson(array(records))));
    }

    static String array(List<String> records) {
        return "[" + String.join(",", records) + "]";
    }

    static String company(int id, String name) {
        return "{\"id\":" + id + ",\"identifier\":\"" + name.replace(" ", "") + "\",\"name\":\"" + name + "\"}";
    }

    static String ticket(int id, String summary, String priority, String type) {
        return "{\"id\":" + id + ",\"summary\":\"" + summary + "\",\"priority\":{\"id\":3,\"name\":\"" + priority
                + "\"},\"type\":{\"id\":9,\"name\":\"" + type + "\"}}";
    }

    /** A billable half hour of Remote work on service ticket 4711 of company 250. */
    static String entry(int id) {
        return entry(id, 250, "ServiceTicket", 4711, "Billable", "2026-02-13T14:00:00Z", "0.5", "2026-02-13T14:31:02Z");
    }

    static String entry(
            int id,
            int company,
            String chargeToType,
            int chargeToId,
            String billableOption,
            String timeStart,
            String actualHours,
            String lastUpdated) {
        return "{\"id\":" + id + ",\"company\":{\"id\":" + company + ",\"identifier\":\"C" + company + "\"},"
                + "\"chargeToId\":" + chargeToId + ",\"chargeToType\":\"" + chargeToType + "\","
                + "\"member\":{\"id\":7,\"identifier\":\"jdoe\",\"name\":\"Jane Doe\"},"
                + "\"workType\":{\"id\":1,\"name\":\"Remote\"},\"timeStart\":\"" + timeStart + "\","
                + "\"actualHours\":" + actualHours + ",\"hoursBilled\":1,\"billableOption\":\"" + billableOption
                + "\",\"notes\":\"Reset VPN\",\"_info\":{\"lastUpdated\":\"" + lastUpdated + "\"}}";
    }

    static String id(int id) {
        return "{\"id\":" + id + "}";
    }

    List<LoggedRequest> requestsTo(String path) {
        return wireMock.findAll(getRequestedFor(urlPathEqualTo(API + path)));
    }

    List<LoggedRequest> all() {
        return wireMock.findAll(getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }
}
