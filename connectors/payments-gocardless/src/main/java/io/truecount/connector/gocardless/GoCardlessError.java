package io.truecount.connector.gocardless;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.json.Fields;
import io.truecount.connector.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * GoCardless's error body, {@code {"error":{"message","type","code","errors":[{"field","message","reason","links"}],
 * "request_id"}}}, read leniently: a gateway page in front of the API has none of it.
 *
 * @param type {@code validation_failed}, {@code invalid_state}, {@code invalid_api_usage}, ...; null when absent
 * @param code the most specific code: the first error's {@code reason}, else {@code type}; null when absent
 * @param message the top-level message, or null
 * @param details each error as {@code "field message"} or its message alone
 * @param conflictingResourceId the resource a reused {@code Idempotency-Key} already created, or null
 * @param requestId GoCardless's id of the request, for its support; or null
 */
record GoCardlessError(
        String type,
        String code,
        String message,
        List<String> details,
        String conflictingResourceId,
        String requestId) {

    static final String IDEMPOTENT_CREATION_CONFLICT = "idempotent_creation_conflict";

    static GoCardlessError parse(byte[] body) {
        JsonNode error;
        try {
            error = Json.parse(body).path("error");
        } catch (IOException notJson) {
            return new GoCardlessError(null, null, null, List.of(), null, null);
        }
        List<String> details = new ArrayList<>();
        String reason = null;
        String conflicting = null;
        for (JsonNode item : error.path("errors")) {
            String itemReason = Fields.text(item.path("reason"));
            reason = reason == null ? itemReason : reason;
            if (IDEMPOTENT_CREATION_CONFLICT.equals(itemReason)) {
                conflicting = Fields.text(item.path("links").path("conflicting_resource_id"));
            }
            String field = Fields.text(item.path("field"));
            String text = Fields.text(item.path("message"));
            if (text != null) {
                details.add(field == null ? text : field + " " + text);
            }
        }
        String type = Fields.text(error.path("type"));
        return new GoCardlessError(
                type,
                reason == null ? type : reason,
                Fields.text(error.path("message")),
                List.copyOf(details),
                conflicting,
                Fields.text(error.path("request_id")));
    }

    /** One line: {@code validation_failed: Validation failed (currency must be GBP) [request id RQ1]}. */
    String describe() {
        StringBuilder text = new StringBuilder();
        if (code != null) {
            text.append(code);
        }
        if (message != null) {
            text.append(text.isEmpty() ? "" : ": ").append(message);
        }
        List<String> extra = details.stream().filter(d -> !d.equals(message)).toList();
        if (!extra.isEmpty()) {
            text.append(text.isEmpty() ? "" : " ")
                    .append("(")
                    .append(String.join("; ", extra))
                    .append(")");
        }
        if (requestId != null) {
            text.append(" [request id ").append(requestId).append("]");
        }
        return text.isEmpty() ? "with no GoCardless error body" : text.toString();
    }
}
