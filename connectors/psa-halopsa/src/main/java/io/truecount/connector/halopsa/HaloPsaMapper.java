package io.truecount.connector.halopsa;

import static io.truecount.connector.json.Fields.firstPresent;
import static io.truecount.connector.json.Fields.required;
import static io.truecount.connector.json.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.paging.MalformedRecordException;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.TimeEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * HaloPSA JSON to billing-core records; the only class that knows Halo's field names. Unknown fields are ignored; a
 * record without what counting needs (ids, the ticket's client, an action's time, billable flag and date) is
 * malformed.
 *
 * <p>Hours are {@code timetaken}, the time the technician logged, not {@code actionchargehours}: the latter is what
 * Halo would charge after its own charge-rate rounding and contract rules, while Truecount applies the contract's
 * increments itself ({@link TimeEntry#hours()} is "before rounding to increments").
 */
final class HaloPsaMapper {

    private final String connectorId;

    HaloPsaMapper(String connectorId) {
        this.connectorId = connectorId;
    }

    ExternalOrganization organization(JsonNode client) {
        String id = required(client, "id", "client");
        return new ExternalOrganization(connectorId, id, text(client.path("name")));
    }

    Map.Entry<String, Ticket> ticket(JsonNode ticket) {
        String id = required(ticket, "id", "ticket");
        String what = "ticket " + id;
        Ticket mapped = new Ticket(
                required(ticket, "client_id", what),
                text(ticket.path("summary")),
                name(ticket, "priority"),
                firstPresent(ticket, "category_1", "category"));
        return Map.entry(id, mapped);
    }

    Action action(JsonNode action) {
        String id = required(action, "id", "action");
        String ticketId = required(action, "ticket_id", "action " + id);
        String what = "action " + id + " of ticket " + ticketId;
        return new Action(
                ticketId,
                ticketId + "/" + id,
                text(action.path("who")),
                text(action.path("outcome")),
                bool(action, "actisbillable", what),
                instant(action, "datetime", what),
                hours(action, "timetaken", what));
    }

    TimeEntry timeEntry(Action action, Ticket ticket) {
        return new TimeEntry(
                connectorId,
                ticket.clientId(),
                action.externalId(),
                action.ticketId(),
                ticket.title(),
                action.technician(),
                action.outcome(),
                ticket.priority(),
                ticket.category(),
                action.billable(),
                action.start(),
                action.hours());
    }

    /** A name Halo sends either as text or as an object with {@code name} ({@code "priority": {"name": "P2"}}). */
    private static String name(JsonNode record, String field) {
        JsonNode node = record.path(field);
        return node.isObject() ? text(node.path("name")) : text(node);
    }

    private static BigDecimal hours(JsonNode record, String field, String what) {
        JsonNode node = record.path(field);
        BigDecimal hours;
        if (node.isNumber()) {
            hours = node.decimalValue();
        } else if (node.isTextual()) {
            try {
                hours = new BigDecimal(node.asText().strip());
            } catch (NumberFormatException e) {
                throw new MalformedRecordException(what + " has a '" + field + "' that is not a number: " + node);
            }
        } else {
            throw new MalformedRecordException(what + " has no '" + field + "'");
        }
        if (hours.signum() < 0) {
            throw new MalformedRecordException(what + " has a negative '" + field + "': " + hours.toPlainString());
        }
        return hours;
    }

    private static boolean bool(JsonNode record, String field, String what) {
        JsonNode node = record.path(field);
        if (!node.isBoolean()) {
            throw new MalformedRecordException(what + " has no true/false '" + field + "'");
        }
        return node.booleanValue();
    }

    /** ISO date-times with an offset, or without one as Halo sends them in UTC ({@code 2024-05-13T14:30:00}). */
    private static Instant instant(JsonNode record, String field, String what) {
        String value = required(record, field, what);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new MalformedRecordException(what + " has a '" + field + "' that is not a date-time: " + value);
            }
        }
    }
}
