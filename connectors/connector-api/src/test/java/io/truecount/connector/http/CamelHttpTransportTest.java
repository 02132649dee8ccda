package io.truecount.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.testing.ConnectorHarness;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CamelHttpTransportTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private CamelHttpTransport transport(Duration timeout) {
        return new CamelHttpTransport(harness.camel(), timeout);
    }

    private URI url(String pathAndQuery) {
        return URI.create(harness.baseUrl() + pathAndQuery);
    }

    @Test
    void get_sendsPathQueryAndHeaders_andReturnsStatusHeadersAndBody() {
        harness.wireMock()
                .stubFor(
                        get(urlPathEqualTo("/v2/things")).willReturn(ok("[1,2]").withHeader("X-Vendor", "yes")));

        HttpResponse response = transport(Duration.ofSeconds(5))
                .send(HttpRequest.get(url("/v2/things?pageSize=2&after=a%20b"))
                        .withHeader("Authorization", "Bearer t"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("x-vendor")).isEqualTo("yes");
        assertThat(response.bodyText()).isEqualTo("[1,2]");
        harness.wireMock()
                .verify(getRequestedFor(urlPathEqualTo("/v2/things"))
                        .withQueryParam("pageSize", equalTo("2"))
                        .withQueryParam("after", equalTo("a b"))
                        .withHeader("Authorization", equalTo("Bearer t")));
    }

    @Test
    void errorStatus_isReturnedNotThrown() {
        harness.wireMock()
                .stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404).withBody("{}")));

        HttpResponse response = transport(Duration.ofSeconds(5)).send(HttpRequest.get(url("/missing")));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers())
                .noneSatisfy((name, value) -> assertThat(name).startsWith("Camel"));
    }

    @Test
    void throttlingAndUnavailability_areReturnedAtOnce_withoutRetriesHiddenInTheHttpClient() {
        harness.wireMock()
                .stubFor(get(urlPathEqualTo("/busy"))
                        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));
        harness.wireMock()
                .stubFor(get(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(503)));
        CamelHttpTransport transport = transport(Duration.ofSeconds(5));

        assertThat(transport.send(HttpRequest.get(url("/busy"))).header("Retry-After"))
                .isEqualTo("1");
        assertThat(transport.send(HttpRequest.get(url("/down"))).status()).isEqualTo(503);

        assertThat(harness.wireMock().getAllServeEvents()).hasSize(2);
    }

    @Test
    void largeBody_isReadCompletely() {
        String big = "x".repeat(200_000);
        harness.wireMock().stubFor(get(anyUrl()).willReturn(ok(big)));

        HttpResponse response = transport(Duration.ofSeconds(5)).send(HttpRequest.get(url("/big")));

        assertThat(response.bodyText()).isEqualTo(big);
    }

    @Test
    void postForm_sendsEncodedBodyWithContentType() {
        harness.wireMock().stubFor(post("/token").willReturn(ok("{}")));

        transport(Duration.ofSeconds(5)).send(HttpRequest.postForm(url("/token"), Map.of("client_secret", "s&cr=t")));

        harness.wireMock()
                .verify(postRequestedFor(urlPathEqualTo("/token"))
                        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                        .withRequestBody(equalTo("client_secret=s%26cr%3Dt")));
    }

    @Test
    void manyUrlsOnOneHost_shareOneEndpoint_evenAcrossConnectors() {
        harness.wireMock().stubFor(any(anyUrl()).willReturn(ok("[]")));
        CamelHttpTransport first = transport(Duration.ofSeconds(7));
        CamelHttpTransport second = transport(Duration.ofSeconds(7));
        int before = harness.camel().getEndpoints().size();

        for (int page = 0; page < 25; page++) {
            first.send(HttpRequest.get(url("/v2/devices/" + page + "?after=" + page)));
            second.send(HttpRequest.get(url("/v2/organizations?after=" + page)));
        }

        assertThat(harness.camel().getEndpoints().size() - before).isEqualTo(1);
        assertThat(harness.wireMock().getAllServeEvents()).hasSize(50);
    }

    @Test
    void slowAnswer_failsAfterTimeout() {
        harness.wireMock().stubFor(get(anyUrl()).willReturn(ok("[]").withFixedDelay(2_000)));

        assertThatThrownBy(() -> transport(Duration.ofMillis(300)).send(HttpRequest.get(url("/slow"))))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("Timeout");
    }

    @Test
    void refusedConnection_isTransportFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        URI nowhere = URI.create("http://localhost:" + closedPort + "/v2/x");
        assertThatThrownBy(() -> transport(Duration.ofSeconds(5)).send(HttpRequest.get(nowhere)))
                .isInstanceOf(TransportException.class);
    }

    @Test
    void bodyBytes_areSentAsIs() {
        harness.wireMock().stubFor(post("/raw").willReturn(ok()));
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

        transport(Duration.ofSeconds(5))
                .send(new HttpRequest("POST", url("/raw"), Map.of("Content-Type", "application/json"), body));

        harness.wireMock().verify(postRequestedFor(urlPathEqualTo("/raw")).withRequestBody(equalTo("{\"a\":1}")));
    }
}
