package io.truecount.connector.autotask;

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
import java.util.Set;

/**
 * Autotask JSON to billing-core records; the only class that knows Autotask's field names. Unknown fields are ignored.
 *
 * <p>Hours are {@code hoursWorked}, not {@code hoursToBill}: the latter carries Autotask's own offset and contract
 * rounding, while Truecount applies the contract's increments itself. The work type is the billing code's name (what
 * Autotask's UI calls "Work Type"); {@code roleID} only picks Autotask's own rate and is not read.
 */
final class AutotaskMapper {

    private final String connectorId;

    AutotaskMapper(String connectorId) {
        this.connectorId = connectorId;
    }

    ExternalOrganization company(JsonNode company) {
        String id = required(company, "id", "company");
        // Other vendors quote Autotask company ids (Datto RMM sites): the key lets mappings suggest across them.
        return new ExternalOrganization(
                connectorId, id, text(company.path("companyName")), Set.of(ExternalOrganization.autotaskCompany(id)));
    }

    Entry entry(JsonNode entry) {
        String id = required(entry, "id", "time entry");
        String what = "time entry " + id;
        JsonNode nonBillable = entry.path("isNonBillable");
        if (!nonBillable.isBoolean()) {
            throw new MalformedRecordException(what + " has no true/false 'isNonBillable'");
        }
        String start = text(entry.path("startDateTime"));
        return new Entry(
                id,
                text(entry.path("ticketID")),
                text(entry.path("resourceID")),
                text(entry.path("billingCodeID")),
                !nonBillable.booleanValue(),
                instant(start != null ? start : required(entry, "dateWorked", what), what),
                hours(entry, what),
                instant(required(entry, "lastModifiedDateTime", what), what));
    }

    /** Only the id, for the deletion sweep. */
    String entryId(JsonNode entry) {
        return required(entry, "id", "time entry");
    }

    Map.Entry<String, Ticket> ticket(JsonNode ticket) {
        String id = required(ticket, "id", "ticket");
        return Map.entry(
                id,
                new Ticket(
                        required(ticket, "companyID", "ticket " + id),
                        text(ticket.path("title")),
                        text(ticket.path("priority")),
                        text(ticket.path("issueType")),
                        text(ticket.path("queueID"))));
    }

    Map.Entry<String, String> resource(JsonNode resource) {
        String id = required(resource, "id", "resource");
        String first = text(resource.path("firstName"));
        String last = text(resource.path("lastName"));
        String name = first == null ? last : last == null ? first : first + " " + last;
        return Map.entry(id, name == null ? id : name);
    }

    Map.Entry<String, String> billingCode(JsonNode code) {
        String id = required(code, "id", "billing code");
        String name = text(code.path("name"));
        return Map.entry(id, name == null ? id : name);
    }

    TimeEntry timeEntry(Entry entry, Ticket ticket, Lookups lookups) {
        String category = ticket.issueType() != null
                ? lookups.label(Lookups.ISSUE_TYPE, ticket.issueType())
                : lookups.label(Lookups.QUEUE, ticket.queue());
        return new TimeEntry(
                connectorId,
                ticket.companyId(),
                entry.id(),
                entry.ticketId(),
                ticket.title(),
                lookups.resource(entry.resourceId()),
                lookups.billingCode(entry.billingCodeId()),
                lookups.label(Lookups.PRIORITY, ticket.priority()),
                category,
                entry.billable(),
                entry.start(),
                entry.hours());
    }

    private static BigDecimal hours(JsonNode entry, String what) {
        JsonNode node = entry.path("hoursWorked");
        if (!node.isNumber()) {
            throw new MalformedRecordException(what + " has no number 'hoursWorked'");
        }
        BigDecimal hours = node.decimalValue();
        if (hours.signum() < 0) {
            throw new MalformedRecordException(what + " has negative 'hoursWorked': " + hours.toPlainString());
        }
        return hours;
    }

    /** Autotask sends UTC date-times, with or without the {@code Z} and fractional seconds. */
    static Instant instant(String value, String what) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new MalformedRecordException(what + " has a date-time Autotask would not send: " + value);
            }
        }
    }
}
