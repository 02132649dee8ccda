package io.truecount.connector.paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.MalformedPageException;
import io.truecount.connector.SourceException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.http.ApiClient;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.HttpResponse;
import io.truecount.connector.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a listing page by page: fetch, parse, select, map, deliver, then ask for the next page. A page that is not the
 * expected shape stops the listing with a {@link MalformedPageException}, and nothing of that page is delivered.
 */
public final class PageReader {

    private static final Logger LOG = LoggerFactory.getLogger(PageReader.class);

    private final ApiClient api;
    private final RecordSelector selector;

    public PageReader(ApiClient api, RecordSelector selector) {
        this.api = api;
        this.selector = selector;
    }

    /**
     * @param base the listing's request without paging parameters
     * @param mapper vendor record to billing-core record; throws {@link MalformedRecordException} for a bad record
     * @param sink receives each non-empty page as soon as it is mapped
     * @throws SourceException when a page cannot be fetched or is malformed
     */
    public <T> void read(
            HttpRequest base,
            Paginator paginator,
            Function<JsonNode, T> mapper,
            Consumer<List<T>> sink,
            SyncStats stats) {
        Optional<HttpRequest> next = Optional.of(paginator.first(base));
        int number = 0;
        while (next.isPresent()) {
            number++;
            HttpRequest request = next.get();
            Page page = fetch(number, request, stats);
            List<T> mapped = map(page, mapper);
            next = nextRequest(page, paginator);
            stats.page(mapped.size());
            if (!mapped.isEmpty()) {
                sink.accept(mapped);
            }
            LOG.debug("connector '{}': page {} of {} had {} records", api.connectorId(), number, base, mapped.size());
        }
    }

    private Page fetch(int number, HttpRequest request, SyncStats stats) {
        HttpResponse response = api.send(request, stats);
        JsonNode body;
        try {
            body = Json.parse(response.body());
        } catch (IOException e) {
            throw malformed(request, number, "not valid JSON (" + firstLine(e) + ")");
        }
        try {
            return new Page(number, request, response, body, selector.select(body));
        } catch (MalformedRecordException e) {
            throw malformed(request, number, e.getMessage());
        }
    }

    private <T> List<T> map(Page page, Function<JsonNode, T> mapper) {
        List<T> mapped = new ArrayList<>(page.records().size());
        for (JsonNode record : page.records()) {
            try {
                mapped.add(mapper.apply(record));
            } catch (MalformedRecordException e) {
                String problem = "record " + (mapped.size() + 1) + " of "
                        + page.records().size() + ": " + e.getMessage();
                throw malformed(page.request(), page.number(), problem);
            }
        }
        return mapped;
    }

    private Optional<HttpRequest> nextRequest(Page page, Paginator paginator) {
        try {
            return paginator.next(page);
        } catch (MalformedRecordException e) {
            throw malformed(page.request(), page.number(), e.getMessage());
        }
    }

    private MalformedPageException malformed(HttpRequest request, int number, String problem) {
        return new MalformedPageException(api.connectorId(), request.url().toString(), number, problem);
    }

    private static String firstLine(IOException e) {
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
            String message = json.getOriginalMessage().lines().findFirst().orElse("");
            return message + " at line " + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
