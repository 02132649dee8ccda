package io.truecount.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.truecount.connector.CredentialsException;
import io.truecount.connector.Secret;
import io.truecount.connector.SourceException;
import io.truecount.connector.SourceUnavailableException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.HttpResponse;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.json.Fields;
import io.truecount.connector.json.Json;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls to the Stripe API: {@code Authorization: Bearer <api-key>}, a pinned {@code Stripe-Version}, form bodies, an
 * {@code Idempotency-Key} on every POST, and Stripe's error envelope {@code {"error":{type,code,message,param}}} turned
 * into one line an admin can act on.
 */
final class StripeApi {

    /**
     * The API version every request is pinned to, so an account upgrade in the Dashboard cannot change the shapes this
     * connector reads (docs.stripe.com/api/versioning).
     */
    static final String VERSION = "2025-09-30.clover";

    /** Stripe's limit on {@code Idempotency-Key} values. */
    static final int MAX_KEY_LENGTH = 255;

    private static final int UNAUTHORIZED = 401;
    // Another request with the same idempotency key is still in flight at Stripe: its outcome is not known yet.
    private static final int CONFLICT = 409;

    private final String connectorId;
    private final URI baseUrl;
    private final ResilientHttp http;
    private final Secret apiKey;

    StripeApi(String connectorId, URI baseUrl, ResilientHttp http, Secret apiKey) {
        this.connectorId = connectorId;
        this.baseUrl = baseUrl;
        this.http = http;
        this.apiKey = apiKey;
    }

    String connectorId() {
        return connectorId;
    }

    JsonNode get(String path, Form query) {
        String encoded = query.encoded();
        URI url = URI.create(root() + path + (encoded.isEmpty() ? "" : "?" + encoded));
        return send(HttpRequest.get(url));
    }

    JsonNode post(String path, Form form, String idempotencyKey) {
        if (idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("Stripe idempotency keys are at most 255 characters: " + idempotencyKey);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Idempotency-Key", idempotencyKey);
        return send(new HttpRequest("POST", URI.create(root() + path), headers, form.bytes()));
    }

    private JsonNode send(HttpRequest request) {
        HttpRequest signed =
                request.withHeader("Authorization", "Bearer " + apiKey.reveal()).withHeader("Stripe-Version", VERSION);
        HttpResponse response = http.execute(signed, new SyncStats());
        JsonNode error = errorOf(response);
        if (response.status() == UNAUTHORIZED) {
            throw new CredentialsException(
                    connectorId,
                    request.url().toString(),
                    Fields.text(error.path("code")),
                    "Stripe refused the api-key (" + describe(error) + "); check the key and its permissions");
        }
        if (response.status() == CONFLICT) {
            throw new SourceUnavailableException(
                    connectorId, request.url().toString(), CONFLICT, "Stripe is still processing " + describe(error));
        }
        if (!response.isSuccess()) {
            throw SourceException.of(
                    connectorId, request + " answered HTTP " + response.status() + ": " + describe(error));
        }
        try {
            return Json.parse(response.body());
        } catch (IOException e) {
            // A 2xx we cannot read may still have been applied: the outbox must look before it tries again.
            throw new SourceUnavailableException(
                    connectorId, request.url().toString(), response.status(), "the answer is not JSON", e);
        }
    }

    private static JsonNode errorOf(HttpResponse response) {
        if (response.isSuccess()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.parse(response.body()).path("error");
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    /** {@code invalid_request_error (parameter_missing, param customer): Missing required param: customer.} */
    private static String describe(JsonNode error) {
        String type = Fields.text(error.path("type"));
        String code = Fields.text(error.path("code"));
        String param = Fields.text(error.path("param"));
        String message = Fields.text(error.path("message"));
        if (type == null && message == null) {
            return "no Stripe error body";
        }
        StringBuilder text = new StringBuilder(type == null ? "error" : type);
        if (code != null || param != null) {
            text.append(" (")
                    .append(code == null ? "" : code)
                    .append(code != null && param != null ? ", " : "")
                    .append(param == null ? "" : "param " + param)
                    .append(")");
        }
        if (message != null) {
            text.append(": ").append(message.replace('\n', ' '));
        }
        return text.toString();
    }

    private String root() {
        String base = baseUrl.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
