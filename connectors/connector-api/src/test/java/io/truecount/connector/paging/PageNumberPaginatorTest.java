package io.truecount.connector.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.HttpResponse;
import io.truecount.connector.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageNumberPaginatorTest {

    private final PageNumberPaginator withTotal = new PageNumberPaginator("page", "itemsInPage", 2, "totalPages");
    private final PageNumberPaginator bySize = new PageNumberPaginator("page", "itemsInPage", 2, null);
    private final HttpRequest base = HttpRequest.get(URI.create("https://app.example.com/api/v3/agents"));

    private static Page page(int number, HttpRequest request, String json) throws IOException {
        JsonNode body = Json.parse(json.getBytes(StandardCharsets.UTF_8));
        List<JsonNode> records = new ArrayList<>();
        body.path("items").forEach(records::add);
        return new Page(number, request, new HttpResponse(200, Map.of(), null), body, records);
    }

    @Test
    void first_asksForPageOneOfThePageSize() {
        assertThat(withTotal.first(base).url())
                .hasToString("https://app.example.com/api/v3/agents?page=1&itemsInPage=2");
    }

    @Test
    void pageBeforeTheTotal_asksForTheNextNumber() throws IOException {
        HttpRequest first = withTotal.first(base);

        Optional<HttpRequest> next = withTotal.next(page(1, first, "{\"items\":[{},{}],\"totalPages\":3}"));

        assertThat(next)
                .map(HttpRequest::url)
                .contains(URI.create("https://app.example.com/api/v3/agents?itemsInPage=2&page=2"));
    }

    @Test
    void pageEqualToTheTotal_isTheLast_evenWhenFull() throws IOException {
        HttpRequest third = withTotal.first(base).withQueryParam("page", "3");

        assertThat(withTotal.next(page(3, third, "{\"items\":[{},{}],\"totalPages\":3}")))
                .isEmpty();
    }

    @Test
    void noPagesAtAll_endsOnTheFirst() throws IOException {
        assertThat(withTotal.next(page(1, withTotal.first(base), "{\"items\":[],\"totalPages\":0}")))
                .isEmpty();
    }

    @Test
    void emptyPageBeforeTheTotal_isMalformed_notTheEnd() {
        assertThatThrownBy(() -> withTotal.next(page(2, base, "{\"items\":[],\"totalPages\":5}")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("no records on page 2 of 5");
    }

    @Test
    void missingTotal_isMalformed() {
        assertThatThrownBy(() -> withTotal.next(page(1, base, "{\"items\":[{}]}")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("expected 'totalPages' to be a whole number, got nothing");
    }

    @Test
    void withoutTotalField_aShortPageIsTheLast_andAFullOneIsNot() throws IOException {
        assertThat(bySize.next(page(1, bySize.first(base), "{\"items\":[{}]}"))).isEmpty();
        assertThat(bySize.next(page(1, bySize.first(base), "{\"items\":[{},{}]}")))
                .map(r -> r.url().getQuery())
                .contains("itemsInPage=2&page=2");
    }

    @Test
    void pageSizeBelowOne_isRejected() {
        assertThatThrownBy(() -> new PageNumberPaginator("page", "size", 0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
