package io.truecount.sim.autotask;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Autotask's JSON: the query envelope, zone information, entity field information and error bodies. */
final class AutotaskJson {

    private AutotaskJson() {}

    static String page(List<? extends Row> rows, List<String> include, String nextPageUrl) {
        StringBuilder json = new StringBuilder(rows.size() * 300 + 200).append("{\"items\":[");
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            row(json, rows.get(i), include.isEmpty() ? rows.get(i).fields() : include);
        }
        json.append("],\"pageDetails\":{\"count\":")
                .append(rows.size())
                .append(",\"requestCount\":")
                .append(Query.MAX_RECORDS)
                .append(",\"prevPageUrl\":null,\"nextPageUrl\":");
        if (nextPageUrl == null) {
            json.append("null");
        } else {
            string(json, nextPageUrl);
        }
        return json.append("}}").toString();
    }

    static String errors(String... messages) {
        StringBuilder json = new StringBuilder("{\"errors\":[");
        for (int i = 0; i < messages.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            string(json, messages[i]);
        }
        return json.append("]}").toString();
    }

    static String zone(String apiUrl) {
        StringBuilder json = new StringBuilder("{\"zoneName\":\"Simulator\",\"url\":");
        string(json, apiUrl);
        return json.append(",\"webUrl\":\"https://ww15.autotask.net/\",\"ci\":15}")
                .toString();
    }

    /** {@code GET /Tickets/entityInformation/fields}, trimmed to the picklists a billing client reads. */
    static String ticketFields() {
        StringBuilder json = new StringBuilder("{\"fields\":[");
        picklist(json, "priority", AutotaskData.PRIORITIES);
        json.append(',');
        picklist(json, "issueType", AutotaskData.ISSUE_TYPES);
        json.append(',');
        picklist(json, "queueID", AutotaskData.QUEUES);
        json.append(",{\"name\":\"title\",\"dataType\":\"string\",\"isPickList\":false,\"picklistValues\":null}");
        return json.append("]}").toString();
    }

    private static void picklist(StringBuilder json, String name, Map<Long, String> values) {
        json.append("{\"name\":\"")
                .append(name)
                .append("\",\"dataType\":\"integer\",\"isPickList\":true,")
                .append("\"picklistValues\":[");
        boolean first = true;
        for (Map.Entry<Long, String> value : new TreeMap<>(values).entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append("{\"value\":\"").append(value.getKey()).append("\",\"label\":");
            string(json, value.getValue());
            json.append(",\"isActive\":true,\"isSystem\":true}");
        }
        json.append("]}");
    }

    private static void row(StringBuilder json, Row row, List<String> fields) {
        json.append('{');
        boolean first = true;
        for (String field : fields) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append('"').append(field).append("\":");
            value(json, row.field(field));
        }
        json.append('}');
    }

    private static void value(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Long || value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof BigDecimal decimal) {
            json.append(decimal.toPlainString());
        } else if (value instanceof Instant instant) {
            json.append('"').append(instant).append('"');
        } else {
            string(json, value.toString());
        }
    }

    private static void string(StringBuilder json, String text) {
        json.append('"')
                .append(JsonStringEncoder.getInstance().quoteAsString(text))
                .append('"');
    }
}
