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

class CursorPaginatorTest {

    private final CursorPaginator paginator = CursorPaginator.afterLastId(3);
    private final HttpRequest base = HttpRequest.get(URI.create("https://app.example.com/v2/devices"));

    private Page page(HttpRequest request, String json) throws IOException {
        JsonNode body = Json.parse(json.getBytes(StandardCharsets.UTF_8));
        List<JsonNode> records = new ArrayList<>();
        body.forEach(records::add);
        return new Page(1, request, new HttpResponse(200, Map.of(), null), body, records);
    }

    @Test
    void first_asksForThePageSize() {
        assertThat(paginator.first(base).url()).hasToString("https://app.example.com/v2/devices?pageSize=3");
    }

    @Test
    void fullPage_continuesAfterTheLastId() throws IOException {
        HttpRequest first = paginator.first(base);

        Optional<HttpRequest> next = paginator.next(page(first, "[{\"id\":4},{\"id\":9},{\"id\":17}]"));

        assertThat(next)
                .map(HttpRequest::url)
                .contains(URI.create("https://app.example.com/v2/devices?pageSize=3&after=17"));
    }

    @Test
    void laterPage_replacesTheCursor() throws IOException {
        HttpRequest second = paginator.first(base).withQueryParam("after", "17");

        Optional<HttpRequest> next = paginator.next(page(second, "[{\"id\":18},{\"id\":19},{\"id\":20}]"));

        assertThat(next)
                .map(HttpRequest::url)
                .contains(URI.create("https://app.example.com/v2/devices?pageSize=3&after=20"));
    }

    @Test
    void shortPage_isTheLast() throws IOException {
        assertThat(paginator.next(page(paginator.first(base), "[{\"id\":1},{\"id\":2}]")))
                .isEmpty();
    }

    @Test
    void emptyPage_isTheLast() throws IOException {
        assertThat(paginator.next(page(paginator.first(base), "[]"))).isEmpty();
    }

    @Test
    void lastRecordWithoutId_cannotBePagedFrom() throws IOException {
        Page page = page(paginator.first(base), "[{\"id\":1},{\"id\":2},{\"name\":\"x\"}]");

        assertThatThrownBy(() -> paginator.next(page))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("'id'");
    }

    @Test
    void cursorThatDoesNotMove_stopsInsteadOfLoopingForever() throws IOException {
        HttpRequest request = paginator.first(base).withQueryParam("after", "3");

        assertThatThrownBy(() -> paginator.next(page(request, "[{\"id\":1},{\"id\":2},{\"id\":3}]")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("did not advance");
    }
}
