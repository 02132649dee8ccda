package io.truecount.connector.halopsa;

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
import java.util.stream.IntStream;

/** A small HaloPSA on WireMock: {@code /auth/token} and {@code /api/...} listings keyed by {@code page_no}. */
final class HaloStubs {

    static final String API = "/api";
    static final String TOKEN = "/auth/token";
    static final String CLIENT_SECRET = "halo-client-secret-value";

    private final WireMockServer wireMock;

    HaloStubs(WireMockServer wireMock) {
        this.wireMock = wireMock;
    }

    void tokenIssues(String token) {
        wireMock.stubFor(post(urlPathEqualTo(TOKEN))
                .willReturn(okJson(
                        "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\"," + "\"expires_in\":3600}")));
    }

    /** Answers page {@code pageNo} of the listing at {@code API + path}. */
    void page(String path, int pageNo, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlPathEqualTo(API + path))
                .withQueryParam("page_no", equalTo(Integer.toString(pageNo)))
                .willReturn(answer));
    }

    /** Every page of every listing that no other stub answers is empty, as Halo answers past the last page. */
    void emptyBeyondStubbedPages() {
        for (String[] listing : new String[][] {
            {HaloPsaConnector.CLIENTS, "clients"},
            {HaloPsaConnector.TICKETS, "tickets"},
            {HaloPsaConnector.ACTIONS, "actions"}
        }) {
            wireMock.stubFor(get(urlPathEqualTo(API + listing[0]))
                    .atPriority(10)
                    .willReturn(okJson(listBody(listing[1], List.of()))));
        }
    }

    /** A page as Halo sends it: {@code record_count} (of this stub's records) and the list under its key. */
    void page(String path, int pageNo, String listKey, List<String> records) {
        page(path, pageNo, okJson(listBody(listKey, records)));
    }

    static String listBody(String listKey, List<String> records) {
        return "{\"record_count\":" + records.size() + ",\"" + listKey + "\":"
                + String.join(",", records).transform(r -> "[" + r + "]") + "}";
    }

    void clients(String... records) {
        page(HaloPsaConnector.CLIENTS, 1, "clients", List.of(records));
    }

    void tickets(String... records) {
        page(HaloPsaConnector.TICKETS, 1, "tickets", List.of(records));
    }

    /** Page 1 of the tickets with actions since {@code startDate} ({@code datesearch=lastactiondate}). */
    void changedTickets(String startDate, String... records) {
        wireMock.stubFor(get(urlPathEqualTo(API + HaloPsaConnector.TICKETS))
                .withQueryParam("datesearch", equalTo("lastactiondate"))
                .withQueryParam("startdate", equalTo(startDate))
                .withQueryParam("page_no", equalTo("1"))
                .willReturn(okJson(listBody("tickets", List.of(records)))));
    }

    /** Page {@code pageNo} of one ticket's actions ({@code ticket_id=}). */
    void ticketActions(int ticketId, int pageNo, List<String> records) {
        wireMock.stubFor(get(urlPathEqualTo(API + HaloPsaConnector.ACTIONS))
                .withQueryParam("ticket_id", equalTo(Integer.toString(ticketId)))
                .withQueryParam("page_no", equalTo(Integer.toString(pageNo)))
                .willReturn(okJson(listBody("actions", records))));
    }

    void actions(int pageNo, List<String> records) {
        page(HaloPsaConnector.ACTIONS, pageNo, "actions", records);
    }

    /** Billable half-hour actions with ids fromId..toId (none when toId < fromId) on ticket 1234. */
    static List<String> actions(int fromId, int toId) {
        return IntStream.rangeClosed(fromId, toId).mapToObj(HaloStubs::action).toList();
    }

    static String action(int id) {
        return "{\"id\":" + id + ",\"ticket_id\":1234,\"outcome\":\"Remote Support\",\"who\":\"Jane Doe\","
                + "\"datetime\":\"2026-02-13T14:30:00Z\",\"timetaken\":0.5,\"actionchargehours\":1,"
                + "\"actisbillable\":true}";
    }

    /** An action on any ticket, with the time given ({@code "0"} for a note). */
    static String action(int id, int ticketId, String hours) {
        return "{\"id\":" + id + ",\"ticket_id\":" + ticketId + ",\"outcome\":\"Remote Support\",\"who\":\"Jane Doe\","
                + "\"datetime\":\"2026-02-20T10:00:00Z\",\"timetaken\":" + hours + ",\"actisbillable\":true}";
    }

    static String ticket(int id, int clientId) {
        return "{\"id\":" + id + ",\"client_id\":" + clientId + ",\"summary\":\"VPN down\","
                + "\"priority\":{\"id\":2,\"name\":\"P2 High\"},\"category_1\":\"Network\"}";
    }

    List<LoggedRequest> requestsTo(String path) {
        return wireMock.findAll(getRequestedFor(urlPathEqualTo(API + path)));
    }

    List<LoggedRequest> tokenRequests() {
        return wireMock.findAll(postRequestedFor(urlPathEqualTo(TOKEN)));
    }
}
