package io.truecount.connector.datto;

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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Datto's token: an OAuth2 password grant where the API key is the username and the API secret the password, sent
 * with Datto's fixed public client {@code public-client:public} in HTTP Basic. The token (about 100 hours) is reused
 * until shortly before it expires by the runtime clock, and dropped when the API answers 401.
 */
final class DattoAuthenticator implements Authenticator {

    // Datto's documented public client id and secret; they identify the API, not the account.
    private static final String PUBLIC_CLIENT =
            "Basic " + Base64.getEncoder().encodeToString("public-client:public".getBytes(StandardCharsets.UTF_8));
    // Datto issues tokens for about 100 hours; used when the answer has no expires_in.
    private static final long DEFAULT_EXPIRES_IN_SECONDS = 100 * 3600;
    private static final Duration MAX_SKEW = Duration.ofSeconds(60);

    private final ResilientHttp http;
    private final URI tokenUrl;
    private final Secret apiKey;
    private final Secret apiSecret;
    private final Clock clock;
    private String token;
    private Instant renewAt;

    DattoAuthenticator(ResilientHttp http, URI tokenUrl, Secret apiKey, Secret apiSecret, Clock clock) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.clock = clock;
    }

    @Override
    public synchronized HttpRequest authorize(HttpRequest request, SyncStats stats) {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch(stats);
        }
        return request.withHeader("Authorization", "Bearer " + token);
    }

    @Override
    public synchronized boolean renew() {
        token = null;
        return true;
    }

    private void fetch(SyncStats stats) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("username", apiKey.reveal());
        form.put("password", apiSecret.reveal());
        Instant requestedAt = clock.instant();
        HttpRequest request = HttpRequest.postForm(tokenUrl, form).withHeader("Authorization", PUBLIC_CLIENT);
        HttpResponse response = http.execute(request, stats);
        // Datto answers bad keys with 400 invalid_grant (and 401 for a disabled API user).
        if (response.status() == 400 || response.status() == 401) {
            throw new CredentialsException(
                    http.connectorId(),
                    tokenUrl.toString(),
                    Json.errorCode(response.body()),
                    "the token endpoint refused the API key and secret with HTTP " + response.status());
        }
        if (!response.isSuccess()) {
            throw SourceException.of(
                    http.connectorId(), "the token endpoint " + tokenUrl + " answered HTTP " + response.status());
        }
        read(response, requestedAt);
    }

    private void read(HttpResponse response, Instant requestedAt) {
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
        Duration lifetime =
                Duration.ofSeconds(Math.max(0, body.path("expires_in").asLong(DEFAULT_EXPIRES_IN_SECONDS)));
        Duration skew = lifetime.dividedBy(2).compareTo(MAX_SKEW) < 0 ? lifetime.dividedBy(2) : MAX_SKEW;
        token = value.asText();
        renewAt = requestedAt.plus(lifetime).minus(skew);
    }
}
