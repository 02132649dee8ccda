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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NextLinkPaginatorTest {

    private final NextLinkPaginator paginator = new NextLinkPaginator("/pageDetails/nextPageUrl", "max", 2);
    private final HttpRequest base = HttpRequest.get(URI.create("https://merlot-api.example.net/api/v2/account/sites"))
            .withHeader("X-Custom", "kept");

    private Page page(HttpRequest request, String json) throws IOException {
        JsonNode body = Json.parse(json.getBytes(StandardCharsets.UTF_8));
        return new Page(1, request, new HttpResponse(200, Map.of(), null), body, List.of());
    }

    private Page pageWithLink(String linkJson) throws IOException {
        return page(paginator.first(base), "{\"pageDetails\":{\"nextPageUrl\":" + linkJson + "},\"sites\":[]}");
    }

    @Test
    void first_asksForThePageSize() {
        assertThat(paginator.first(base).url())
                .hasToString("https://merlot-api.example.net/api/v2/account/sites?max=2");
    }

    @Test
    void withoutSizeParam_firstIsTheBaseRequest() {
        assertThat(new NextLinkPaginator("/nextLink", null, 0).first(base)).isEqualTo(base);
    }

    @Test
    void link_isFollowedVerbatim_withTheSameHeaders() throws IOException {
        String link = "https://merlot-api.example.net/api/v2/account/sites?max=2&page=1&x=a%2Fb";

        Optional<HttpRequest> next = paginator.next(pageWithLink("\"" + link + "\""));

        assertThat(next).map(HttpRequest::url).contains(URI.create(link));
        assertThat(next).map(r -> r.headers().get("X-Custom")).contains("kept");
    }

    @Test
    void pointerWithAnODataName_findsTheLink() throws IOException {
        NextLinkPaginator graph = new NextLinkPaginator("/@odata.nextLink", null, 0);
        String link = "https://merlot-api.example.net/v1.0/users?$skiptoken=X";

        Optional<HttpRequest> next = graph.next(page(base, "{\"@odata.nextLink\":\"" + link + "\",\"value\":[]}"));

        assertThat(next).map(HttpRequest::url).contains(URI.create(link));
    }

    @Test
    void nullEmptyOrAbsentLink_endsTheListing() throws IOException {
        assertThat(paginator.next(pageWithLink("null"))).isEmpty();
        assertThat(paginator.next(pageWithLink("\"\""))).isEmpty();
        assertThat(paginator.next(page(base, "{\"sites\":[]}"))).isEmpty();
    }

    @Test
    void linkToAnotherHost_isMalformed() {
        assertThatThrownBy(() -> paginator.next(pageWithLink("\"https://evil.example.org/api/v2/account/sites\"")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("leaves https://merlot-api.example.net");
    }

    @Test
    void linkToAnotherPortOrScheme_isMalformed() {
        assertThatThrownBy(() -> paginator.next(pageWithLink("\"http://merlot-api.example.net/api/v2/x\"")))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> paginator.next(pageWithLink("\"https://merlot-api.example.net:8443/api/v2/x\"")))
                .isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void explicitDefaultPort_isTheSameOrigin() throws IOException {
        assertThat(paginator.next(pageWithLink("\"https://merlot-api.example.net:443/api/v2/x?page=1\"")))
                .isPresent();
    }

    @Test
    void relativeOrNonTextLink_isMalformed() {
        assertThatThrownBy(() -> paginator.next(pageWithLink("\"/api/v2/account/sites?page=1\"")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("not an absolute URL");
        assertThatThrownBy(() -> paginator.next(pageWithLink("\"https://bad host/x\"")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("not an absolute URL");
        assertThatThrownBy(() -> paginator.next(pageWithLink("42")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("to be a URL, got 42");
    }

    @Test
    void linkToThePageJustRead_isMalformed() {
        assertThatThrownBy(() ->
                        paginator.next(pageWithLink("\"" + paginator.first(base).url() + "\"")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("is the page just read");
    }
}
