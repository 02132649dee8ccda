package io.truecount.connector.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.HttpResponse;
import java.util.List;

/**
 * One page as fetched, for a {@link Paginator} to decide what comes next: a cursor paginator reads the last record, a
 * link-style one a field of the body or a response header.
 *
 * @param number 1 for the first page
 * @param request what was asked
 * @param response what the vendor answered
 * @param body the parsed body
 * @param records the records the {@link RecordSelector} found in the body
 */
public record Page(int number, HttpRequest request, HttpResponse response, JsonNode body, List<JsonNode> records) {

    public Page {
        records = List.copyOf(records);
    }
}
