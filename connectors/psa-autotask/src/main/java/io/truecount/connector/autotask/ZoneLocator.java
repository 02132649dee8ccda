package io.truecount.connector.autotask;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.SourceException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.HttpResponse;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.json.Json;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * Finds the zone that hosts the API user's database. A {@code base-url} with a path names the zone's API directly
 * ({@code https://webservices15.autotask.net/ATServicesRest}, {@code /V1.0} added when missing); one without a path
 * is the discovery host, asked {@code GET /atservicesrest/v1.0/zoneInformation?user=<username>} once for the life of
 * the connector. Discovery sends no credentials: Autotask does not need them there.
 */
final class ZoneLocator {

    static final String DISCOVERY_PATH = "/atservicesrest/v1.0/zoneInformation";
    private static final String VERSION = "V1.0";

    private final ResilientHttp http;
    private final URI baseUrl;
    private final String username;
    private volatile URI apiRoot;

    ZoneLocator(ResilientHttp http, URI baseUrl, String username) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.username = username;
        if (names(baseUrl)) {
            apiRoot = withVersion(baseUrl);
        }
    }

    /** The zone's API root, {@code https://webservicesN.autotask.net/ATServicesRest/V1.0}, without a final slash. */
    URI apiRoot(SyncStats stats) {
        URI root = apiRoot;
        if (root == null) {
            synchronized (this) {
                if (apiRoot == null) {
                    apiRoot = discover(stats);
                }
                root = apiRoot;
            }
        }
        return root;
    }

    private URI discover(SyncStats stats) {
        HttpRequest request =
                HttpRequest.get(AutotaskQuery.under(baseUrl, DISCOVERY_PATH)).withQueryParam("user", username);
        HttpResponse response = http.execute(request, stats);
        String where = "zone discovery (" + request + ")";
        if (!response.isSuccess()) {
            throw SourceException.of(
                    http.connectorId(),
                    where + " answered HTTP " + response.status() + "; check the username '" + username
                            + "' or give the zone's URL as base-url");
        }
        JsonNode body;
        try {
            body = Json.parse(response.body());
        } catch (IOException e) {
            throw SourceException.of(http.connectorId(), where + " did not answer JSON");
        }
        String url = body.path("url").asText("");
        URI zone;
        try {
            zone = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            zone = null;
        }
        if (zone == null || !zone.isAbsolute() || zone.getHost() == null) {
            throw SourceException.of(
                    http.connectorId(), where + " gave no zone URL for user '" + username + "' (url: '" + url + "')");
        }
        return withVersion(zone);
    }

    /** Whether the base URL names the zone's API rather than a discovery host. */
    static boolean names(URI baseUrl) {
        String path = baseUrl.getRawPath();
        return path != null && !path.isEmpty() && !path.equals("/");
    }

    static URI withVersion(URI zone) {
        String text = zone.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        if (!text.toLowerCase(Locale.ROOT).endsWith("/" + VERSION.toLowerCase(Locale.ROOT))) {
            text = text + "/" + VERSION;
        }
        return URI.create(text);
    }
}
