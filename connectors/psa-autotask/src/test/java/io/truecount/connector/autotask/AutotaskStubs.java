package io.truecount.connector.autotask;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.List;
import java.util.stream.Collectors;

/** WireMock stubs in Autotask's shapes. */
final class AutotaskStubs {

    static final String ROOT = "/ATServicesRest/V1.0";
    static final String USER = "api@msp.example";
    static final String SECRET = "s3cret-value";
    static final String CODE = "TRACKING-1";

    private final WireMockServer wireMock;

    AutotaskStubs(WireMockServer wireMock) {
        this.wireMock = wireMock;
    }

    void zone() {
        wireMock.stubFor(get(urlPathEqualTo(ZoneLocator.DISCOVERY_PATH))
                .willReturn(okJson("{\"zoneName\":\"Sim\",\"url\":\"" + wireMock.baseUrl()
                        + "/ATServicesRest/\",\"webUrl\":\"https://ww15.example/\",\"ci\":15}")));
    }

    void picklists() {
        wireMock.stubFor(get(urlPathEqualTo(ROOT + "/Tickets/entityInformation/fields"))
                .willReturn(okJson("{\"fields\":["
                        + "{\"name\":\"priority\",\"isPickList\":true,\"picklistValues\":["
                        + "{\"value\":\"1\",\"label\":\"High\"},{\"value\":\"4\",\"label\":\"Critical\"}]},"
                        + "{\"name\":\"issueType\",\"isPickList\":true,\"picklistValues\":["
                        + "{\"value\":\"7\",\"label\":\"Network\"}]},"
                        + "{\"name\":\"queueID\",\"isPickList\":true,\"picklistValues\":["
                        + "{\"value\":\"29683\",\"label\":\"Service Desk\"}]}]}")));
    }

    void companies(String... items) {
        query("Companies", page(List.of(items), null));
    }

    void resources() {
        query("Resources", page(List.of("{\"id\":29682885,\"firstName\":\"Ana\",\"lastName\":\"Ruiz\"}"), null));
    }

    void billingCodes() {
        query("BillingCodes", page(List.of("{\"id\":29682801,\"name\":\"Remote Support\"}"), null));
    }

    void tickets(String... items) {
        query("Tickets", page(List.of(items), null));
    }

    void query(String entity, String body) {
        wireMock.stubFor(post(urlPathEqualTo(ROOT + "/" + entity + "/query")).willReturn(okJson(body)));
    }

    /** A query stub only for bodies whose filter has the given op on the given field. */
    MappingBuilder queryWith(String entity, String op, String field) {
        return post(urlPathEqualTo(ROOT + "/" + entity + "/query"))
                .withRequestBody(matchingJsonPath("$.filter[0].op", containing(op)))
                .withRequestBody(matchingJsonPath("$.filter[0].field", containing(field)));
    }

    void everythingElseEmpty() {
        wireMock.stubFor(post(urlPathEqualTo(ROOT + "/TimeEntries/query"))
                .atPriority(10)
                .willReturn(okJson(page(List.of(), null))));
    }

    String next(String entity, int n) {
        return wireMock.baseUrl() + ROOT + "/" + entity + "/query/next?paging=p" + n;
    }

    static String page(List<String> items, String nextPageUrl) {
        return "{\"items\":[" + String.join(",", items) + "],\"pageDetails\":{\"count\":" + items.size()
                + ",\"requestCount\":500,\"prevPageUrl\":null,\"nextPageUrl\":"
                + (nextPageUrl == null ? "null" : "\"" + nextPageUrl + "\"") + "}}";
    }

    static String company(long id, String name) {
        return "{\"id\":" + id + ",\"companyName\":\"" + name + "\"}";
    }

    static String ticket(long id, long companyId) {
        return "{\"id\":" + id + ",\"companyID\":" + companyId + ",\"title\":\"Printer offline\",\"priority\":4,"
                + "\"issueType\":7,\"queueID\":29683}";
    }

    static String entry(long id, long ticketId, String hours, boolean nonBillable, String modified) {
        return "{\"id\":" + id + ",\"ticketID\":" + ticketId + ",\"resourceID\":29682885,\"billingCodeID\":29682801,"
                + "\"isNonBillable\":" + nonBillable + ",\"dateWorked\":\"2026-02-16T00:00:00Z\","
                + "\"startDateTime\":\"2026-02-16T09:30:00Z\",\"hoursWorked\":" + hours
                + ",\"hoursToBill\":1.0,\"lastModifiedDateTime\":\"" + modified + "\"}";
    }

    static String ids(long... ids) {
        return java.util.Arrays.stream(ids)
                .mapToObj(id -> "{\"id\":" + id + "}")
                .collect(Collectors.joining(","));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder errors(int status, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[\"" + message + "\"]}");
    }
}
