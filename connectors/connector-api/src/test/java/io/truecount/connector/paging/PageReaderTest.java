package io.truecount.connector.paging;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.MalformedPageException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.http.ApiClient;
import io.truecount.connector.http.Authenticator;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.testing.ConnectorHarness;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PageReaderTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final SyncStats stats = new SyncStats();
    private final List<List<String>> delivered = new ArrayList<>();
    private final List<Integer> requestsSeenAtDelivery = new ArrayList<>();

    private PageReader reader(RecordSelector selector) {
        ResilientHttp http =
                ResilientHttp.create(harness.settings("test").id("acme").build(), harness.runtime());
        return new PageReader(new ApiClient(http, Authenticator.none()), selector);
    }

    private HttpRequest things() {
        return HttpRequest.get(URI.create(harness.baseUrl() + "/v2/things"));
    }

    private void collect(List<String> page) {
        delivered.add(page);
        requestsSeenAtDelivery.add(harness.wireMock()
                .findAll(getRequestedFor(urlPathEqualTo("/v2/things")))
                .size());
    }

    private void stubPage(String after, String body) {
        harness.wireMock()
                .stubFor(get(urlPathEqualTo("/v2/things"))
                        .withQueryParam("after", after == null ? absent() : equalTo(after))
                        .willReturn(okJson(body)));
    }

    private static final Function<JsonNode, String> NAME = node -> {
        if (!node.hasNonNull("name")) {
            throw new MalformedRecordException("thing " + node.path("id").asText() + " has no 'name'");
        }
        return node.get("name").asText();
    };

    @Test
    void cursorListing_deliversEachPageBeforeFetchingTheNext() {
        stubPage(null, "[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]");
        stubPage("2", "[{\"id\":3,\"name\":\"c\"},{\"id\":4,\"name\":\"d\"}]");
        stubPage("4", "[{\"id\":5,\"name\":\"e\"}]");

        reader(RecordSelector.bareArray()).read(things(), CursorPaginator.afterLastId(2), NAME, this::collect, stats);

        assertThat(delivered).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
        assertThat(requestsSeenAtDelivery).containsExactly(1, 2, 3);
        assertThat(stats.pages()).isEqualTo(3);
        assertThat(stats.records()).isEqualTo(5);
    }

    @Test
    void linkStyleListing_fitsTheSameShape() {
        String next = harness.baseUrl() + "/v2/things?page=2";
        stubPage(null, "{\"value\":[{\"id\":1,\"name\":\"a\"}],\"nextLink\":\"" + next + "\"}");
        harness.wireMock()
                .stubFor(get(urlPathEqualTo("/v2/things"))
                        .withQueryParam("page", equalTo("2"))
                        .willReturn(okJson("{\"value\":[{\"id\":2,\"name\":\"b\"}]}")));
        Paginator nextLink = page -> Optional.of(page.body().path("nextLink"))
                .filter(JsonNode::isTextual)
                .map(link -> HttpRequest.get(URI.create(link.asText())));

        reader(RecordSelector.field("value")).read(things(), nextLink, NAME, this::collect, stats);

        assertThat(delivered).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void truncatedJson_isMalformedPageNamingUrlAndPage() {
        stubPage(null, "[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]");
        stubPage("2", "[{\"id\":3,\"name\":\"c\"},{\"id\":4,\"na");

        assertThatThrownBy(() -> reader(RecordSelector.bareArray())
                        .read(things(), CursorPaginator.afterLastId(2), NAME, this::collect, stats))
                .isInstanceOfSatisfying(MalformedPageException.class, e -> {
                    assertThat(e.pageNumber()).isEqualTo(2);
                    assertThat(e.url()).isEqualTo(harness.baseUrl() + "/v2/things?pageSize=2&after=2");
                })
                .hasMessageStartingWith(
                        "connector 'acme': page 2 of " + harness.baseUrl() + "/v2/things?pageSize=2&after=2")
                .hasMessageContaining("not valid JSON")
                .hasMessageNotContaining("\n");
        assertThat(delivered).hasSize(1);
    }

    @Test
    void objectInsteadOfArray_isMalformedPage() {
        stubPage(null, "{\"message\":\"maintenance\"}");

        assertThatThrownBy(() -> reader(RecordSelector.bareArray())
                        .read(things(), CursorPaginator.afterLastId(2), NAME, this::collect, stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("page 1")
                .hasMessageContaining("expected the body to be a JSON array, got a JSON object");
    }

    @Test
    void recordTheMapperRejects_isMalformedPage_andNothingOfThatPageIsDelivered() {
        stubPage(null, "[{\"id\":1,\"name\":\"a\"},{\"id\":2}]");

        assertThatThrownBy(() -> reader(RecordSelector.bareArray())
                        .read(things(), CursorPaginator.afterLastId(5), NAME, this::collect, stats))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("record 2 of 2: thing 2 has no 'name'");
        assertThat(delivered).isEmpty();
    }

    @Test
    void emptyListing_deliversNothing_butCountsThePage() {
        stubPage(null, "[]");

        reader(RecordSelector.bareArray()).read(things(), CursorPaginator.afterLastId(2), NAME, this::collect, stats);

        assertThat(delivered).isEmpty();
        assertThat(stats.pages()).isEqualTo(1);
    }
}
