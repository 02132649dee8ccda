package io.truecount.sim.ninjaone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A bare HTTP client for the simulator tests: one call per method, no retries, nothing hidden. */
final class NinjaClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    NinjaClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> requestToken(String clientId, String clientSecret) {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret) + "&scope=monitoring";
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/ws/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    String token(NinjaOneSimulator simulator) {
        HttpResponse<String> response = requestToken(simulator.clientId(), simulator.clientSecret());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).get("access_token").asText();
    }

    /** GET a path (with its query) with the token as bearer; no Authorization header when token is null. */
    HttpResponse<String> get(String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.GET().build());
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
