package io.truecount.sim.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A bare HTTP client for the simulator tests: one call per method, no retries, nothing hidden. */
final class GraphClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    GraphClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> requestToken(String tenant, String clientId, String clientSecret) {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret) + "&scope=" + encode("https://graph.microsoft.com/.default");
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/" + tenant + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    String token(GraphSimulator graph, String tenant) {
        HttpResponse<String> response = requestToken(tenant, graph.clientId(), graph.clientSecret());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).get("access_token").asText();
    }

    /** GET a Graph path (or an absolute link) with the token; {@code Prefer: odata.maxpagesize} when pageSize > 0. */
    HttpResponse<String> get(String pathOrUrl, String token, int pageSize) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (pageSize > 0) {
            request.header("Prefer", "odata.maxpagesize=" + pageSize);
        }
        return send(request.GET().build());
    }

    /** A whole delta read from the link: every record, and the final delta link. */
    record Read(List<JsonNode> records, String deltaLink, int pages) {}

    Read read(String link, String token, int pageSize) {
        List<JsonNode> records = new ArrayList<>();
        String next = link;
        int pages = 0;
        while (true) {
            HttpResponse<String> response = get(next, token, pageSize);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            pages++;
            JsonNode body = json(response.body());
            body.get("value").forEach(records::add);
            if (body.hasNonNull("@odata.nextLink")) {
                next = body.get("@odata.nextLink").asText();
            } else {
                return new Read(records, body.get("@odata.deltaLink").asText(), pages);
            }
        }
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
