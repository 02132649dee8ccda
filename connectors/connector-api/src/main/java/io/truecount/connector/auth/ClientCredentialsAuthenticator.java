package io.truecount.connector.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.CredentialsException;
import io.truecount.connector.Secret;
import io.truecount.connector.SourceException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.http.Authenticator;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.HttpResponse;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.json.Json;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OAuth2 client-credentials grant (RFC 6749 §4.4) with the secret in the form body, as NinjaOne, HaloPSA and Entra ID
 * accept it. The token is reused until {@code expires_in} minus a safety margin has passed on the runtime clock.
 */
public final class ClientCredentialsAuthenticator implements Authenticator {

    /** Renew this long before expiry, so a token does not expire between being attached and being checked. */
    static final Duration MAX_SKEW = Duration.ofSeconds(60);

    // RFC 6749 makes expires_in optional; an hour is what NinjaOne and Entra ID issue.
    private static final long DEFAULT_EXPIRES_IN_SECONDS = 3600;

    private final ResilientHttp http;
    private final URI tokenUrl;
    private final String clientId;
    private final Secret clientSecret;
    private final String scope;
    private final Clock clock;
    private AccessToken token;

    /**
     * @param scope space-separated scopes, or null to send none
     */
    public ClientCredentialsAuthenticator(
            ResilientHttp http, URI tokenUrl, String clientId, Secret clientSecret, String scope, Clock clock) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public synchronized HttpRequest authorize(HttpRequest request, SyncStats stats) {
        if (token == null || !token.isUsableAt(clock.instant())) {
            token = fetch(stats);
        }
        return request.withHeader("Authorization", "Bearer " + token.value());
    }

    @Override
    public synchronized boolean renew() {
        token = null;
        return true;
    }

    private AccessToken fetch(SyncStats stats) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret.reveal());
        if (scope != null) {
            form.put("scope", scope);
        }
        Instant requestedAt = clock.instant();
        HttpResponse response = http.execute(HttpRequest.postForm(tokenUrl, form), stats);
        if (!response.isSuccess()) {
            throw new CredentialsException(
                    http.connectorId(),
                    tokenUrl.toString(),
                    Json.errorCode(response.body()),
                    "the token endpoint refused the client credentials with HTTP " + response.status());
        }
        return parse(response, requestedAt);
    }

    private AccessToken parse(HttpResponse response, Instant requestedAt) {
        JsonNode body;
        try {
            body = Json.parse(response.body());
        } catch (IOException e) {
            throw SourceException.of(http.connectorId(), "the token response of " + tokenUrl + " is not JSON");
        }
        JsonNode value = body.path("access_token");
        if (!value.isTextual() || value.asText().isBlank()) {
            throw SourceException.of(http.connectorId(), "the token response of " + tokenUrl + " has no access_token");
        }
        // Some token endpoints send expires_in as a string ("3599"); asLong reads both.
        long expiresIn = body.path("expires_in").asLong(DEFAULT_EXPIRES_IN_SECONDS);
        Duration lifetime = Duration.ofSeconds(Math.max(0, expiresIn));
        Duration skew = lifetime.dividedBy(2).compareTo(MAX_SKEW) < 0 ? lifetime.dividedBy(2) : MAX_SKEW;
        return new AccessToken(value.asText(), requestedAt.plus(lifetime).minus(skew));
    }
}
