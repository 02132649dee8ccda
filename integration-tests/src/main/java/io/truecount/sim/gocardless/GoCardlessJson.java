package io.truecount.sim.gocardless;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.sim.vendor.Reply;
import java.util.List;
import java.util.Locale;

/** GoCardless's JSON shapes: enveloped resources, cursor meta, and the error body. */
final class GoCardlessJson {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCS = "https://developer.gocardless.com/api-reference#";

    private GoCardlessJson() {}

    static Reply reply(int status, ObjectNode body) {
        try {
            return Reply.of(status, "application/json", JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    static ObjectNode payment(SimPayment payment, String creditor) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", payment.id());
        json.put("created_at", payment.createdAt().toString());
        json.put("charge_date", payment.createdAt().toString().substring(0, 10));
        json.put("amount", payment.amount());
        json.put("description", payment.description());
        json.put("currency", payment.currency());
        json.put("status", payment.status());
        json.putNull("reference");
        json.put("amount_refunded", 0);
        ObjectNode metadata = json.putObject("metadata");
        payment.metadata().forEach(metadata::put);
        json.putObject("links").put("mandate", payment.mandate()).put("creditor", creditor);
        return json;
    }

    static ObjectNode envelope(String name, ObjectNode resource) {
        ObjectNode root = JSON.createObjectNode();
        root.set(name, resource);
        return root;
    }

    static ObjectNode list(String name, List<ObjectNode> resources, String before, String after, int limit) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray(name);
        resources.forEach(array::add);
        ObjectNode meta = root.putObject("meta");
        ObjectNode cursors = meta.putObject("cursors");
        cursors.put("before", before);
        cursors.put("after", after);
        meta.put("limit", limit);
        return root;
    }

    /** One error; {@code field} and {@code conflicting} may be null. */
    static Reply error(int status, String type, String message, String reason, String field, String conflicting) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("documentation_url", DOCS + type);
        error.put("type", type);
        error.put("request_id", "RQ" + Long.toHexString(System.nanoTime()).toUpperCase(Locale.ROOT));
        error.put("code", status);
        ObjectNode item = error.putArray("errors").addObject();
        if (reason != null) {
            item.put("reason", reason);
        }
        if (field != null) {
            item.put("field", field);
            item.put("request_pointer", "/payments/" + field.replace('.', '/'));
        }
        item.put("message", message);
        if (conflicting != null) {
            item.putObject("links").put("conflicting_resource_id", conflicting);
        }
        return reply(status, root);
    }

    static Reply validation(String field, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", "Validation failed");
        error.put("documentation_url", DOCS + "validation_failed");
        error.put("type", "validation_failed");
        error.put("request_id", "RQ" + Long.toHexString(System.nanoTime()).toUpperCase(Locale.ROOT));
        error.put("code", 422);
        ObjectNode item = error.putArray("errors").addObject();
        item.put("field", field);
        item.put("message", message);
        item.put("request_pointer", "/payments/" + field.replace('.', '/'));
        return reply(422, root);
    }

    static Reply conflict(String paymentId) {
        return error(
                409,
                "invalid_state",
                "A resource has already been created with this idempotency key",
                "idempotent_creation_conflict",
                null,
                paymentId);
    }
}
