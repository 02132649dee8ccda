package io.truecount.connector.autotask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.connector.CredentialsException;
import io.truecount.connector.MalformedPageException;
import io.truecount.connector.SourceException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.http.Authenticator;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.HttpResponse;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.json.Json;
import io.truecount.connector.paging.MalformedRecordException;
import io.truecount.connector.paging.NextLinkPaginator;
import io.truecount.connector.paging.Page;
import io.truecount.connector.paging.RecordSelector;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs Autotask queries: {@code POST /{Entity}/query} with the filter JSON, then {@code GET} each
 * {@code pageDetails.nextPageUrl} (the URL carries the paging state; it must stay on the zone's host). Every request
 * goes through the {@link AccountLimits}. Unlike the shared {@code PageReader}, it holds an endpoint thread only while a
 * request is in flight and reads Autotask's {@code {"errors":[…]}} bodies into the message.
 */
final class AutotaskQuery {

    private static final int UNAUTHORIZED = 401;
    private static final RecordSelector ITEMS = RecordSelector.field("items");
    // Same origin only, and never the page just read: the credentials travel with the link.
    private static final NextLinkPaginator NEXT_LINK = new NextLinkPaginator("/pageDetails/nextPageUrl", null, 0);

    private final ResilientHttp http;
    private final Authenticator headers;
    private final AccountLimits limits;
    private final Duration maxWait;
    private final RequestBudget.Sleeper sleeper;

    AutotaskQuery(
            ResilientHttp http,
            Authenticator headers,
            AccountLimits limits,
            Duration maxWait,
            RequestBudget.Sleeper sleeper) {
        this.http = http;
        this.headers = headers;
        this.limits = limits;
        this.maxWait = maxWait;
        this.sleeper = sleeper;
    }

    String connectorId() {
        return http.connectorId();
    }

    /** Reads every page of the query, mapping each record and handing each page on before the next is fetched. */
    <T> void read(
            URI apiRoot,
            String entity,
            ObjectNode body,
            Function<JsonNode, T> mapper,
            Consumer<List<T>> sink,
            SyncStats stats) {
        Optional<HttpRequest> next = Optional.of(post(under(apiRoot, "/" + entity + "/query"), body));
        int number = 0;
        while (next.isPresent()) {
            number++;
            HttpRequest request = next.get();
            JsonNode page = fetch(entity, request, number, stats);
            List<T> mapped = map(page, request, number, mapper);
            next = nextPage(page, request, number);
            stats.page(mapped.size());
            if (!mapped.isEmpty()) {
                sink.accept(mapped);
            }
        }
    }

    /** One GET that is not a listing ({@code entityInformation/fields}), within the limits. */
    JsonNode get(String entity, URI url, SyncStats stats) {
        HttpRequest request = HttpRequest.get(url);
        return fetch(entity, request, 1, stats);
    }

    private JsonNode fetch(String entity, HttpRequest request, int number, SyncStats stats) {
        HttpResponse response = limits.call(
                connectorId(), entity, maxWait, sleeper, () -> http.execute(headers.authorize(request, stats), stats));
        if (response.status() == UNAUTHORIZED) {
            throw new CredentialsException(
                    connectorId(),
                    request.url().toString(),
                    firstError(response.body()),
                    "Autotask refused the API user: check username, secret and integration-code (tracking identifier)");
        }
        if (!response.isSuccess()) {
            String error = firstError(response.body());
            throw SourceException.of(
                    connectorId(),
                    request + " answered HTTP " + response.status()
                            + (error == null ? "" : " (Autotask: " + error + ")"));
        }
        JsonNode body;
        try {
            body = Json.parse(response.body());
        } catch (IOException e) {
            throw malformed(request, number, "not valid JSON");
        }
        String error = errors(body);
        if (error != null) {
            throw malformed(request, number, "Autotask reported errors: " + error);
        }
        return body;
    }

    private <T> List<T> map(JsonNode page, HttpRequest request, int number, Function<JsonNode, T> mapper) {
        List<JsonNode> records;
        try {
            records = ITEMS.select(page);
        } catch (MalformedRecordException e) {
            throw malformed(request, number, e.getMessage());
        }
        List<T> mapped = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            try {
                mapped.add(mapper.apply(record));
            } catch (MalformedRecordException e) {
                throw malformed(
                        request,
                        number,
                        "record " + (mapped.size() + 1) + " of " + records.size() + ": " + e.getMessage());
            }
        }
        return mapped;
    }

    // A body with items but no pageDetails is not what Autotask sends: it may be cut short, so it is not trusted as
    // the last page.
    private Optional<HttpRequest> nextPage(JsonNode page, HttpRequest request, int number) {
        if (!page.path("pageDetails").isObject()) {
            throw malformed(request, number, "no 'pageDetails'");
        }
        try {
            Page asRead = new Page(number, request, new HttpResponse(200, Map.of(), null), page, List.of());
            return NEXT_LINK.next(asRead).map(next -> HttpRequest.get(next.url()));
        } catch (MalformedRecordException e) {
            throw malformed(request, number, e.getMessage());
        }
    }

    private MalformedPageException malformed(HttpRequest request, int number, String problem) {
        return new MalformedPageException(connectorId(), request.url().toString(), number, problem);
    }

    static HttpRequest post(URI url, ObjectNode body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Content-Type", "application/json");
        return new HttpRequest("POST", url, headers, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The path below the zone's API root ({@code …/ATServicesRest/V1.0}). */
    static URI under(URI apiRoot, String path) {
        String base = apiRoot.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private static String firstError(byte[] body) {
        try {
            return errors(Json.parse(body));
        } catch (IOException notJson) {
            return null;
        }
    }

    /** Autotask's {@code {"errors":["…"]}}, joined; null when there are none. */
    private static String errors(JsonNode body) {
        JsonNode errors = body.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        errors.forEach(e -> texts.add(e.isTextual() ? e.asText() : e.toString()));
        return String.join("; ", texts);
    }
}
