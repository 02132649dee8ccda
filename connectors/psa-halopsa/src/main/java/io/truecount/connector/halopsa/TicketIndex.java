package io.truecount.connector.halopsa;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Ticket id to {@link Ticket}, built from the ticket listing before actions are read, because an action names only its
 * ticket and customers map to the ticket's client. Priorities and categories repeat across thousands of tickets, so
 * each distinct value is stored once.
 */
final class TicketIndex {

    private final Map<String, Ticket> tickets = new LinkedHashMap<>();
    private final Map<String, String> values = new HashMap<>();

    void put(Map.Entry<String, Ticket> entry) {
        put(entry.getKey(), entry.getValue());
    }

    void put(String ticketId, Ticket ticket) {
        tickets.put(
                ticketId,
                new Ticket(
                        shared(ticket.clientId()),
                        ticket.title(),
                        shared(ticket.priority()),
                        shared(ticket.category())));
    }

    /** @return the ticket, or null when the listing did not include it */
    Ticket get(String ticketId) {
        return tickets.get(ticketId);
    }

    /** Ticket ids in the order the listing gave them. */
    Set<String> ids() {
        return tickets.keySet();
    }

    int size() {
        return tickets.size();
    }

    private String shared(String value) {
        return value == null ? null : values.computeIfAbsent(value, v -> v);
    }
}
