package io.truecount.sim.gocardless;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.connector.webhook.Signatures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds GoCardless webhook deliveries for tests: a batch {@code {"events":[...]}} signed the way GoCardless signs it,
 * {@code Webhook-Signature} = hex HMAC-SHA256 of the exact body bytes with the endpoint's secret.
 *
 * <pre>{@code
 * Delivery both = GoCardlessEvents.sign(secret, confirmed.events().get(0), paidOut.events().get(0));
 * post(url, both.body(), both.headers());
 * }</pre>
 */
public final class GoCardlessEvents {

    public static final String SIGNATURE_HEADER = "Webhook-Signature";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoCardlessEvents() {}

    /**
     * One GoCardless event.
     *
     * @param id {@code EV…}
     * @param resourceType {@code payments}, {@code mandates}, ...
     * @param action {@code confirmed}, {@code failed}, {@code paid_out}, {@code charged_back}, ...
     * @param links e.g. {@code payment -> PM…}
     * @param details {@code origin}, {@code cause}, {@code description}
     */
    public record Event(
            String id,
            Instant createdAt,
            String resourceType,
            String action,
            Map<String, String> links,
            Map<String, String> details) {

        public Event {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(createdAt, "createdAt");
            links = Map.copyOf(links);
            details = Map.copyOf(details);
        }

        ObjectNode toJson() {
            ObjectNode event = JSON.createObjectNode();
            event.put("id", id);
            event.put("created_at", createdAt.toString());
            event.put("resource_type", resourceType);
            event.put("action", action);
            links.forEach(event.putObject("links")::put);
            ObjectNode detailNode = event.putObject("details");
            details.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> detailNode.put(e.getKey(), e.getValue()));
            event.putObject("metadata");
            return event;
        }
    }

    /**
     * A delivery as GoCardless would POST it.
     *
     * @param body the exact bytes signed
     * @param signature the {@code Webhook-Signature} value
     */
    public record Delivery(List<Event> events, byte[] body, String signature) {

        public Delivery {
            events = List.copyOf(events);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The request headers GoCardless sends with it. */
        public Map<String, List<String>> headers() {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("Content-Type", List.of("application/json"));
            headers.put(SIGNATURE_HEADER, List.of(signature));
            return headers;
        }

        /** The same body under another signature, e.g. one made with the wrong secret. */
        public Delivery withSignature(String other) {
            return new Delivery(events, body, other);
        }
    }

    /** A payment event as GoCardless sends it. */
    public static Event payment(
            String eventId,
            Instant at,
            String action,
            String paymentId,
            String origin,
            String cause,
            String description) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("origin", origin);
        details.put("cause", cause);
        details.put("description", description);
        details.values().removeIf(Objects::isNull);
        return new Event(eventId, at, "payments", action, Map.of("payment", paymentId), details);
    }

    public static Delivery sign(String secret, Event... events) {
        return sign(secret, Arrays.asList(events));
    }

    /** One delivery with every event in it, in order (GoCardless sends up to 250). */
    public static Delivery sign(String secret, List<Event> events) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("events");
        events.forEach(e -> array.add(e.toJson()));
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
        return new Delivery(new ArrayList<>(events), body, Signatures.hex(Signatures.hmacSha256(secret, body)));
    }
}
