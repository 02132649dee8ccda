package io.truecount.connector.gocardless;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.CredentialsException;
import io.truecount.connector.Secret;
import io.truecount.connector.SourceException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.HttpResponse;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.json.Json;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls to the GoCardless API: bearer token, pinned API version, JSON bodies. Throttling and server errors are retried
 * by {@link ResilientHttp}; what it returns is read here, because GoCardless says in its error body what it refused and
 * answers a repeated {@code Idempotency-Key} with a 409 naming the payment the key already created.
 */
final class GoCardlessClient {

    /** GoCardless pins every request to an API version; the only one published so far. */
    static final String VERSION = "2015-07-06";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;
    private static final int CONFLICT = 409;

    private final String connectorId;
    private final URI baseUrl;
    private final ResilientHttp http;
    private final Secret accessToken;

    GoCardlessClient(String connectorId, URI baseUrl, ResilientHttp http, Secret accessToken) {
        this.connectorId = connectorId;
        this.baseUrl = baseUrl;
        this.http = http;
        this.accessToken = accessToken;
    }

    static GoCardlessClient create(ConnectorSettings settings, ConnectorRuntime runtime, URI baseUrl) {
        return new GoCardlessClient(
                settings.id(),
                baseUrl,
                ResilientHttp.create(settings, runtime),
                settings.credential(GoCardlessConnectorType.ACCESS_TOKEN));
    }

    String connectorId() {
        return connectorId;
    }

    /** A 2xx answer's body. */
    JsonNode get(String pathAndQuery) {
        HttpRequest request = HttpRequest.get(url(pathAndQuery));
        HttpResponse response = send(request);
        if (!response.isSuccess()) {
            throw refused(request, response);
        }
        return parse(request, response);
    }

    /**
     * The outcome of a create call.
     *
     * @param body the created resource's envelope on a 2xx, else null
     * @param conflictingId the resource an earlier request with this key created (GoCardless's 409
     *     {@code idempotent_creation_conflict}), else null
     */
    record Created(JsonNode body, String conflictingId) {}

    Created create(String path, JsonNode body, String idempotencyKey) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Content-Type", "application/json");
        headers.put("Idempotency-Key", idempotencyKey);
        HttpRequest request = new HttpRequest("POST", url(path), headers, bytes);
        HttpResponse response = send(request);
        if (response.isSuccess()) {
            return new Created(parse(request, response), null);
        }
        if (response.status() == CONFLICT) {
            String existing = GoCardlessError.parse(response.body()).conflictingResourceId();
            if (existing != null) {
                return new Created(null, existing);
            }
        }
        throw refused(request, response);
    }

    private HttpResponse send(HttpRequest request) {
        HttpRequest authorized = request.withHeader("Authorization", "Bearer " + accessToken.reveal())
                .withHeader("GoCardless-Version", VERSION);
        return http.execute(authorized, new SyncStats());
    }

    private JsonNode parse(HttpRequest request, HttpResponse response) {
        try {
            return Json.parse(response.body());
        } catch (IOException e) {
            throw SourceException.of(connectorId, request + " answered HTTP " + response.status() + " with no JSON");
        }
    }

    /** A final refusal: the credentials, or the request itself; neither changes by asking again. */
    private SourceException refused(HttpRequest request, HttpResponse response) {
        GoCardlessError error = GoCardlessError.parse(response.body());
        String url = request.url().toString();
        if (response.status() == UNAUTHORIZED) {
            return new CredentialsException(
                    connectorId, url, error.code(), "GoCardless refused the access token (" + error.describe() + ")");
        }
        if (response.status() == FORBIDDEN) {
            return new CredentialsException(
                    connectorId,
                    url,
                    error.code(),
                    "the access token may not do this; GoCardless needs a read-write token (" + error.describe() + ")");
        }
        return SourceException.of(
                connectorId, "GoCardless refused " + request + ": HTTP " + response.status() + " " + error.describe());
    }

    private URI url(String pathAndQuery) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
    }
}
