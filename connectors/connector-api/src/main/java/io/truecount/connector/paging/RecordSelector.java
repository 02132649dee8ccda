package io.truecount.connector.paging;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Where a page body keeps its records. */
@FunctionalInterface
public interface RecordSelector {

    /**
     * @throws MalformedRecordException when the body is not the expected shape
     */
    List<JsonNode> select(JsonNode body);

    /** The body is the array of records, with no envelope (NinjaOne, ConnectWise Automate). */
    static RecordSelector bareArray() {
        return body -> objects(body, "the body");
    }

    /** The records are the array in a top-level field ({@code value} for Graph, {@code items} for Autotask). */
    static RecordSelector field(String name) {
        return body -> {
            if (!body.isObject()) {
                throw new MalformedRecordException("expected a JSON object with '" + name + "', got " + kind(body));
            }
            return objects(body.path(name), "field '" + name + "'");
        };
    }

    private static List<JsonNode> objects(JsonNode array, String where) {
        if (!array.isArray()) {
            throw new MalformedRecordException("expected " + where + " to be a JSON array, got " + kind(array));
        }
        List<JsonNode> records = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (!element.isObject()) {
                throw new MalformedRecordException(
                        "record " + (records.size() + 1) + " is " + kind(element) + ", not a JSON object");
            }
            records.add(element);
        }
        return records;
    }

    private static String kind(JsonNode node) {
        return node.isMissingNode()
                ? "nothing"
                : "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
