package io.truecount.connector.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.paging.MalformedRecordException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading fields of vendor records the way every mapper needs: a blank, null or missing value is absent, and a field
 * counting depends on is required.
 */
public final class Fields {

    private Fields() {}

    /** The node's text, or null when it is missing, null, not a value or blank. */
    public static String text(JsonNode node) {
        if (!node.isValueNode() || node.isNull() || node.asText().isBlank()) {
            return null;
        }
        return node.asText();
    }

    /** The non-blank texts of an array, in order; empty when the node is not an array. */
    public static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode element : array) {
            String value = text(element);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /**
     * A field the record cannot be mapped without.
     *
     * @param what the record as a person would name it ("device 42"), for the page's error
     */
    public static String required(JsonNode record, String field, String what) {
        String value = text(record.path(field));
        if (value == null) {
            throw new MalformedRecordException(what + " has no '" + field + "'");
        }
        return value;
    }

    /** The first of the fields that holds a non-blank value, or null. */
    public static String firstPresent(JsonNode record, String... fields) {
        for (String field : fields) {
            String value = text(record.path(field));
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
