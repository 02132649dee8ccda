package io.truecount.sim.halopsa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.sim.halopsa.HaloData.Client;
import io.truecount.sim.halopsa.HaloData.TicketRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.BiConsumer;

/** Renders tokens, clients, tickets, actions and the listing envelope in HaloPSA's shape (vendor-apis.md §3.3). */
final class HaloJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HaloJson() {}

    static String token(String token, long expiresInSeconds) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        body.put("expires_in", expiresInSeconds);
        body.put("scope", "all");
        return write(body);
    }

    /** The envelope of every paged listing: {@code record_count} of the whole listing, the page under its key. */
    static <T> String page(String listKey, HaloData.Slice<T> slice, BiConsumer<ObjectNode, T> render) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("record_count", slice.total());
        ArrayNode list = body.putArray(listKey);
        for (T row : slice.rows()) {
            render.accept(list.addObject(), row);
        }
        return write(body);
    }

    static void client(ObjectNode node, Client client) {
        node.put("id", client.id());
        node.put("name", client.name());
        node.put("inactive", false);
        node.put("toplevel_id", 1);
        node.put("toplevel_name", "Customers");
    }

    static void ticket(ObjectNode node, TicketRow row) {
        SimTicket ticket = row.ticket();
        node.put("id", ticket.id());
        node.put("client_id", ticket.clientId());
        node.put("client_name", row.clientName());
        node.put("summary", ticket.summary());
        node.put("status_id", 1);
        node.put("tickettype_id", 1);
        if (ticket.priority() == null) {
            node.putNull("priority");
        } else {
            ObjectNode priority = node.putObject("priority");
            priority.put(
                    "id",
                    Character.getNumericValue(
                            ticket.priority().charAt(ticket.priority().length() > 1 ? 1 : 0)));
            priority.put("name", ticket.priority());
        }
        node.put("category_1", ticket.category());
        node.put("lastactiondate", halo(row.lastActionDate()));
    }

    /**
     * An action. Odd ids carry {@code datetime} with a {@code Z}, even ids without an offset as Halo's own UI-facing
     * fields do; both are UTC.
     */
    static void action(ObjectNode node, SimAction action) {
        node.put("id", action.id());
        node.put("ticket_id", action.ticketId());
        node.put("outcome", action.outcome());
        node.put("outcome_id", Math.abs(action.outcome().hashCode() % 50));
        node.put("who", action.who());
        String datetime = halo(action.datetime());
        node.put("datetime", action.id() % 2 == 1 ? datetime + "Z" : datetime);
        node.put("last_updated", halo(action.lastUpdated()));
        node.put(
                "note",
                action.system()
                        ? "Ticket logged"
                        : "Worked on " + action.outcome().toLowerCase());
        node.put("timetaken", action.hours());
        node.put("actionchargehours", action.billable() ? action.hours() : BigDecimal.ZERO);
        node.put("actionnonchargehours", action.billable() ? BigDecimal.ZERO : action.hours());
        node.put("chargerate", 1);
        node.put("actisbillable", action.billable());
        node.put("actioncontractid", 0);
        node.put("actioninvoicenumber", "");
    }

    /** A Halo date-time: UTC without an offset, {@code 2026-10-05T14:00:00}. */
    static String halo(Instant instant) {
        if (instant == null) {
            return null;
        }
        LocalDateTime local = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return String.format(
                "%04d-%02d-%02dT%02d:%02d:%02d",
                local.getYear(),
                local.getMonthValue(),
                local.getDayOfMonth(),
                local.getHour(),
                local.getMinute(),
                local.getSecond());
    }

    /** What Halo's API answers when it refuses a request. */
    static String error(String message) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("message", message);
        return write(body);
    }

    /** The token endpoint's OAuth error. */
    static String oauthError(String error) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("error", error);
        return write(body);
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + node, e);
        }
    }
}
