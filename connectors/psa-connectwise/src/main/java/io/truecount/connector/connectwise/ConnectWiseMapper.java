package io.truecount.connector.connectwise;

import static io.truecount.connector.json.Fields.required;
import static io.truecount.connector.json.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.paging.MalformedRecordException;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.TimeEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * ConnectWise PSA JSON to billing-core records; the only class that knows ConnectWise's field names. Unknown fields
 * are ignored; a record without what billing needs (ids, the company, the start, the hours) is malformed.
 *
 * <p>Hours are {@code actualHours}, the time the member logged, not {@code hoursBilled}: the latter already carries
 * ConnectWise's own agreement and rounding rules, while Truecount applies the contract's increments itself
 * ({@link TimeEntry#hours()} is "before rounding to increments"). Billable means {@code billableOption} is
 * {@code Billable}; {@code DoNotBill}, {@code NoCharge} and {@code NoDefault} are delivered as not billable.
 */
final class ConnectWiseMapper {

    static final String BILLABLE = "Billable";

    private final String connectorId;

    ConnectWiseMapper(String connectorId) {
        this.connectorId = connectorId;
    }

    ExternalOrganization organization(JsonNode company) {
        String id = required(company, "id", "company");
        String name = text(company.path("name"));
        // The company's website names its domain, which its Microsoft 365 tenant signs in with: a mapping hint.
        String host = websiteHost(text(company.path("website")));
        return new ExternalOrganization(
                connectorId,
                id,
                name != null ? name : text(company.path("identifier")),
                host == null ? Set.of() : Set.of(ExternalOrganization.domain(host)));
    }

    /** {@code https://www.acme.com/about} → {@code www.acme.com}; null when there is no plausible host. */
    static String websiteHost(String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String host = website.strip().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        host = host.split("[/?#:]", 2)[0];
        return host.contains(".") && !host.contains(" ") ? host : null;
    }

    Entry entry(JsonNode entry) {
        String id = required(entry, "id", "time entry");
        String what = "time entry " + id;
        String companyId = text(entry.path("company").path("id"));
        if (companyId == null) {
            throw new MalformedRecordException(what + " has no 'company/id'");
        }
        String chargeToType = text(entry.path("chargeToType"));
        boolean onTicket = "ServiceTicket".equals(chargeToType) || "ProjectTicket".equals(chargeToType);
        return new Entry(
                id,
                companyId,
                onTicket ? text(entry.path("chargeToId")) : null,
                "ServiceTicket".equals(chargeToType),
                text(entry.path("member").path("identifier")),
                text(entry.path("workType").path("name")),
                BILLABLE.equals(text(entry.path("billableOption"))),
                instant(entry.path("timeStart"), "timeStart", what),
                hours(entry.path("actualHours"), what),
                optionalInstant(entry.path("_info").path("lastUpdated"), what));
    }

    /** An id of the deletion sweep ({@code fields=id}). */
    String id(JsonNode entry) {
        return required(entry, "id", "time entry");
    }

    Map.Entry<String, Ticket> ticket(JsonNode ticket) {
        String id = required(ticket, "id", "ticket");
        return Map.entry(
                id,
                new Ticket(
                        text(ticket.path("summary")),
                        text(ticket.path("priority").path("name")),
                        text(ticket.path("type").path("name"))));
    }

    TimeEntry timeEntry(Entry entry, Ticket ticket) {
        return new TimeEntry(
                connectorId,
                entry.companyId(),
                entry.id(),
                entry.ticketId(),
                ticket.title(),
                entry.technician(),
                entry.workType(),
                ticket.priority(),
                ticket.category(),
                entry.billable(),
                entry.start(),
                entry.hours());
    }

    private static BigDecimal hours(JsonNode node, String what) {
        if (!node.isNumber()) {
            throw new MalformedRecordException(
                    what + " has no numeric 'actualHours'" + (node.isMissingNode() ? "" : ": " + node));
        }
        BigDecimal hours = node.decimalValue();
        if (hours.signum() < 0) {
            throw new MalformedRecordException(what + " has negative 'actualHours': " + hours.toPlainString());
        }
        return hours;
    }

    private static Instant instant(JsonNode node, String field, String what) {
        Instant instant = optionalInstant(node, what);
        if (instant == null) {
            throw new MalformedRecordException(what + " has no '" + field + "'");
        }
        return instant;
    }

    /** ConnectWise writes UTC date-times with a {@code Z} ({@code 2024-05-13T14:00:00Z}). */
    private static Instant optionalInstant(JsonNode node, String what) {
        String value = text(node);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException(what + " has a date-time ConnectWise does not write: " + value);
        }
    }
}
