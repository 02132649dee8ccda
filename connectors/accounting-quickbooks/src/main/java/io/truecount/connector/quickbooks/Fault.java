package io.truecount.connector.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.truecount.connector.json.Fields;
import io.truecount.connector.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * QuickBooks' error body, {@code {"Fault":{"Error":[{"Message","Detail","code"}],"type":"ValidationFault"}}}, in words
 * an admin can act on. Authentication failures spell the same fields in lower case ({@code fault.error[].message}).
 */
final class Fault {

    private Fault() {}

    /**
     * @return {@code Message: Detail (code N)} for each error, joined with "; ", or null when the body is no fault
     */
    static String describe(byte[] body) {
        JsonNode errors = errors(body);
        List<String> parts = new ArrayList<>();
        for (JsonNode error : errors) {
            String message = field(error, "Message");
            String detail = field(error, "Detail");
            String code = field(error, "code");
            StringBuilder part = new StringBuilder(message == null ? "error" : message);
            if (detail != null && !detail.equals(message)) {
                part.append(": ").append(detail);
            }
            if (code != null) {
                part.append(" (code ").append(code).append(')');
            }
            parts.add(part.toString());
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** The first error's code ({@code 6140}), or null. */
    static String code(byte[] body) {
        for (JsonNode error : errors(body)) {
            return field(error, "code");
        }
        return null;
    }

    private static JsonNode errors(byte[] body) {
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
        JsonNode fault = root.has("Fault") ? root.path("Fault") : root.path("fault");
        return fault.has("Error") ? fault.path("Error") : fault.path("error");
    }

    private static String field(JsonNode error, String name) {
        String value = Fields.text(error.path(name));
        return value != null ? value : Fields.text(error.path(name.toLowerCase(Locale.ROOT)));
    }
}
