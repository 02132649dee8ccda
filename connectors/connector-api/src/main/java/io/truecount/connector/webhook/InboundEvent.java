package io.truecount.connector.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One verified event, as stored in the inbox.
 *
 * @param eventId the vendor's id of the event (Stripe {@code evt_…}, GoCardless {@code EV…}); for vendors without one,
 *     an id built from what identifies the event (DocuSign: envelope id and event) so that a redelivery has the same id
 * @param type the vendor's event type ({@code invoice.paid}, {@code envelope-completed})
 * @param payload the event's own JSON (one element of a batch), UTF-8
 */
public record InboundEvent(String eventId, String type, byte[] payload) {

    public InboundEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (eventId.isBlank()) {
            throw new IllegalArgumentException("an event needs an id");
        }
    }

    public static InboundEvent of(String eventId, String type, String json) {
        return new InboundEvent(eventId, type, json.getBytes(StandardCharsets.UTF_8));
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
