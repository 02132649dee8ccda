package io.truecount.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRequestTest {

    @Test
    void withQueryParam_appendsAndEncodes() {
        HttpRequest request =
                HttpRequest.get(URI.create("https://h.example/v2/x")).withQueryParam("df", "org = 12");

        assertThat(request.url()).hasToString("https://h.example/v2/x?df=org+%3D+12");
    }

    @Test
    void withQueryParam_replacesOnlyThatParameter_keepingTheVendorsEncoding() {
        HttpRequest request = HttpRequest.get(URI.create("https://h.example/x?%24skiptoken=a%2Fb&after=1"))
                .withQueryParam("after", "2");

        assertThat(request.url()).hasToString("https://h.example/x?%24skiptoken=a%2Fb&after=2");
    }

    @Test
    void toString_showsNeitherHeadersNorBody() {
        HttpRequest request = HttpRequest.postForm(
                        URI.create("https://h.example/token"), Map.of("client_secret", "xyz"))
                .withHeader("Authorization", "Bearer abc");

        assertThat(request.toString()).isEqualTo("POST https://h.example/token");
    }
}
