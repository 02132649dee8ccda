package io.truecount.connector.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.CredentialsException;
import io.truecount.connector.Secret;
import io.truecount.connector.SourceException;
import io.truecount.connector.SourceUnavailableException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.testing.ConnectorHarness;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientCredentialsAuthenticatorTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private static final String SECRET = "s3cr3t-value";

    private final SyncStats stats = new SyncStats();

    private URI tokenUrl() {
        return URI.create(harness.baseUrl() + "/oauth/token");
    }

    private ClientCredentialsAuthenticator authenticator() {
        ResilientHttp http = ResilientHttp.create(
                harness.settings("test")
                        .id("acme")
                        .option("retry.max-attempts", "2")
                        .build(),
                harness.runtime());
        return new ClientCredentialsAuthenticator(
                http, tokenUrl(), "client-1", new Secret(SECRET, "env SECRET"), "monitoring", harness.clock());
    }

    private void tokenEndpointIssues(String token, long expiresIn) {
        harness.wireMock()
                .stubFor(post(urlPathEqualTo("/oauth/token"))
                        .willReturn(okJson("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\","
                                + "\"expires_in\":" + expiresIn + "}")));
    }

    private String bearer(ClientCredentialsAuthenticator authenticator) {
        HttpRequest plain = HttpRequest.get(URI.create(harness.baseUrl() + "/v2/x"));
        return authenticator.authorize(plain, stats).headers().get("Authorization");
    }

    private int tokenRequests() {
        return harness.wireMock()
                .findAll(postRequestedFor(urlPathEqualTo("/oauth/token")))
                .size();
    }

    @Test
    void tokenRequest_isTheClientCredentialsGrantAsForm() {
        tokenEndpointIssues("t1", 3600);

        assertThat(bearer(authenticator())).isEqualTo("Bearer t1");

        harness.wireMock()
                .verify(postRequestedFor(urlPathEqualTo("/oauth/token"))
                        .withRequestBody(containing("grant_type=client_credentials"))
                        .withRequestBody(containing("client_id=client-1"))
                        .withRequestBody(containing("client_secret=" + SECRET))
                        .withRequestBody(containing("scope=monitoring")));
    }

    @Test
    void token_isReusedUntilShortlyBeforeExpiry() {
        tokenEndpointIssues("t1", 3600);
        ClientCredentialsAuthenticator authenticator = authenticator();
        bearer(authenticator);

        harness.clock()
                .advance(Duration.ofSeconds(3600)
                        .minus(ClientCredentialsAuthenticator.MAX_SKEW)
                        .minusSeconds(1));
        bearer(authenticator);
        assertThat(tokenRequests()).isEqualTo(1);

        harness.clock().advance(Duration.ofSeconds(1));
        tokenEndpointIssues("t2", 3600);
        assertThat(bearer(authenticator)).isEqualTo("Bearer t2");
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void renew_dropsTheCachedToken() {
        tokenEndpointIssues("t1", 3600);
        ClientCredentialsAuthenticator authenticator = authenticator();
        bearer(authenticator);

        assertThat(authenticator.renew()).isTrue();
        bearer(authenticator);

        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void refusedClient_isCredentialsExceptionWithVendorCode_andNoSecret() {
        harness.wireMock()
                .stubFor(post(urlPathEqualTo("/oauth/token"))
                        .willReturn(aResponse()
                                .withStatus(401)
                                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"bad\"}")));

        assertThatThrownBy(() -> bearer(authenticator()))
                .isInstanceOfSatisfying(CredentialsException.class, e -> {
                    assertThat(e.vendorErrorCode()).isEqualTo("invalid_client");
                    assertThat(e.url()).isEqualTo(tokenUrl().toString());
                })
                .hasMessageStartingWith("connector 'acme': ")
                .hasMessageContaining(tokenUrl().toString())
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining(SECRET);
        assertThat(tokenRequests()).isEqualTo(1);
    }

    @Test
    void tokenEndpointDown_isUnavailableAfterRetries() {
        harness.wireMock().stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(serverError()));

        assertThatThrownBy(() -> bearer(authenticator()))
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining(tokenUrl().toString());
        assertThat(tokenRequests()).isEqualTo(2);
    }

    @Test
    void responseWithoutToken_isSourceException() {
        harness.wireMock().stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson("{\"expires_in\":3600}")));

        assertThatThrownBy(() -> bearer(authenticator()))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("has no access_token");
    }

    @Test
    void shortLivedToken_isRenewedAtHalfItsLifetime() {
        tokenEndpointIssues("t1", 20);
        ClientCredentialsAuthenticator authenticator = authenticator();
        bearer(authenticator);

        harness.clock().advance(Duration.ofSeconds(9));
        bearer(authenticator);
        assertThat(tokenRequests()).isEqualTo(1);

        harness.clock().advance(Duration.ofSeconds(1));
        bearer(authenticator);
        assertThat(tokenRequests()).isEqualTo(2);
    }
}
