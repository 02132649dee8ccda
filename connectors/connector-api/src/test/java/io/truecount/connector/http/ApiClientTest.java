package io.truecount.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.CredentialsException;
import io.truecount.connector.SourceException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.testing.ConnectorHarness;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiClientTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final SyncStats stats = new SyncStats();

    /** Hands out key-1, key-2, ... and counts renewals, like a token cache would. */
    private static final class CountingAuthenticator implements Authenticator {
        private final AtomicInteger issued = new AtomicInteger(1);
        private final boolean renewable;

        CountingAuthenticator(boolean renewable) {
            this.renewable = renewable;
        }

        @Override
        public HttpRequest authorize(HttpRequest request, SyncStats stats) {
            return request.withHeader("X-Key", "key-" + issued.get());
        }

        @Override
        public boolean renew() {
            issued.incrementAndGet();
            return renewable;
        }
    }

    private ApiClient client(Authenticator authenticator) {
        return new ApiClient(
                ResilientHttp.create(harness.settings("test").id("acme").build(), harness.runtime()), authenticator);
    }

    private HttpRequest request() {
        return HttpRequest.get(URI.create(harness.baseUrl() + "/v2/things"));
    }

    @Test
    void unauthorized_renewsCredentialsOnce_andSucceeds() {
        harness.wireMock().stubFor(get(anyUrl()).willReturn(unauthorized()));
        harness.wireMock()
                .stubFor(get(anyUrl()).withHeader("X-Key", equalTo("key-2")).willReturn(ok("[]")));

        HttpResponse response = client(new CountingAuthenticator(true)).send(request(), stats);

        assertThat(response.status()).isEqualTo(200);
        assertThat(harness.wireMock().findAll(getRequestedFor(anyUrl()))).hasSize(2);
        assertThat(stats.retries()).isEqualTo(1);
    }

    @Test
    void unauthorizedTwice_isCredentialsException() {
        harness.wireMock()
                .stubFor(get(anyUrl())
                        .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_token\"}")));

        assertThatThrownBy(() -> client(new CountingAuthenticator(true)).send(request(), stats))
                .isInstanceOfSatisfying(CredentialsException.class, e -> {
                    assertThat(e.vendorErrorCode()).isEqualTo("invalid_token");
                    assertThat(e.url()).isEqualTo(harness.baseUrl() + "/v2/things");
                })
                .hasMessageStartingWith("connector 'acme': ");
        assertThat(harness.wireMock().findAll(getRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void unauthorizedWithFixedCredentials_isFinalAtOnce() {
        harness.wireMock().stubFor(get(anyUrl()).willReturn(unauthorized()));

        assertThatThrownBy(() -> client(Authenticator.none()).send(request(), stats))
                .isInstanceOf(CredentialsException.class);
        assertThat(harness.wireMock().findAll(getRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void otherClientError_isSourceExceptionNamingStatusAndVendorCode() {
        harness.wireMock()
                .stubFor(get(anyUrl())
                        .willReturn(aResponse().withStatus(404).withBody("{\"resultCode\":\"NOT_FOUND\"}")));

        assertThatThrownBy(() -> client(Authenticator.none()).send(request(), stats))
                .isExactlyInstanceOf(SourceException.class)
                .hasMessage("connector 'acme': GET " + harness.baseUrl()
                        + "/v2/things answered HTTP 404 (vendor error: NOT_FOUND)");
    }
}
