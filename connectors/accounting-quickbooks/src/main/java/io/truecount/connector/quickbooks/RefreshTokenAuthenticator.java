package io.truecount.connector.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.CredentialsException;
import io.truecount.connector.Secret;
import io.truecount.connector.SourceException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.auth.TokenVault;
import io.truecount.connector.http.Authenticator;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.HttpResponse;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.json.Fields;
import io.truecount.connector.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OAuth2 refresh-token grant (RFC 6749 §6) as Intuit runs it: Basic {@code client_id:client_secret}, and every answer
 * may carry a new refresh token that replaces the old one. The newest is kept in the runtime's {@link TokenVault}, so
 * the next process (or another instance) starts from it rather than from the configured token, which Intuit stops
 * accepting once it has been rolled.
 */
final class RefreshTokenAuthenticator implements Authenticator {

    /** The vault entry of the newest refresh token. */
    static final String VAULT_KEY = "refresh-token";

    /** Renew this long before expiry, so a token does not expire between being attached and being checked. */
    private static final Duration MAX_SKEW = Duration.ofSeconds(60);
    // Intuit's access tokens last an hour (vendor-apis.md §4.1).
    private static final long DEFAULT_EXPIRES_IN_SECONDS = 3600;

    private final ResilientHttp http;
    private final URI tokenUrl;
    private final String basicCredentials;
    private final Secret configuredRefreshToken;
    private final TokenVault vault;
    private final Clock clock;
    private String accessToken;
    private Instant renewAt = Instant.MIN;

    RefreshTokenAuthenticator(
            ResilientHttp http,
            URI tokenUrl,
            String clientId,
            Secret clientSecret,
            Secret refreshToken,
            TokenVault vault,
            Clock clock) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.basicCredentials = "Basic "
                + Base64.getEncoder()
                        .encodeToString((clientId + ":" + clientSecret.reveal()).getBytes(StandardCharsets.UTF_8));
        this.configuredRefreshToken = refreshToken;
        this.vault = vault;
        this.clock = clock;
    }

    @Override
    public synchronized HttpRequest authorize(HttpRequest request, SyncStats stats) {
        if (accessToken == null || !clock.instant().isBefore(renewAt)) {
            fetch(stats);
        }
        return request.withHeader("Authorization", "Bearer " + accessToken);
    }

    @Override
    public synchronized boolean renew() {
        accessToken = null;
        return true;
    }

    private void fetch(SyncStats stats) {
        String configured = configuredRefreshToken.reveal();
        String refreshToken = vault.load(http.connectorId(), VAULT_KEY).orElse(configured);
        Instant requestedAt = clock.instant();
        HttpResponse response = refresh(refreshToken, stats);
        if (response.status() == 400 && !refreshToken.equals(configured)) {
            // The vault's token is dead, but an admin who reconnected the app puts the new token in the configuration.
            refreshToken = configured;
            response = refresh(refreshToken, stats);
        }
        if (!response.isSuccess()) {
            throw new CredentialsException(
                    http.connectorId(),
                    tokenUrl.toString(),
                    Json.errorCode(response.body()),
                    "the token endpoint refused the refresh token with HTTP " + response.status()
                            + "; reconnect the QuickBooks app and configure its new refresh-token");
        }
        JsonNode body = parse(response);
        String value = Fields.text(body.path("access_token"));
        if (value == null) {
            throw SourceException.of(http.connectorId(), "the token response of " + tokenUrl + " has no access_token");
        }
        String rolled = Fields.text(body.path("refresh_token"));
        if (rolled != null && !rolled.equals(refreshToken)) {
            vault.save(http.connectorId(), VAULT_KEY, rolled);
        }
        Duration lifetime =
                Duration.ofSeconds(Math.max(0, body.path("expires_in").asLong(DEFAULT_EXPIRES_IN_SECONDS)));
        Duration skew = lifetime.dividedBy(2).compareTo(MAX_SKEW) < 0 ? lifetime.dividedBy(2) : MAX_SKEW;
        accessToken = value;
        renewAt = requestedAt.plus(lifetime).minus(skew);
    }

    private HttpResponse refresh(String refreshToken, SyncStats stats) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return http.execute(HttpRequest.postForm(tokenUrl, form).withHeader("Authorization", basicCredentials), stats);
    }

    private JsonNode parse(HttpResponse response) {
        try {
            return Json.parse(response.body());
        } catch (IOException e) {
            throw SourceException.of(http.connectorId(), "the token response of " + tokenUrl + " is not JSON");
        }
    }
}
