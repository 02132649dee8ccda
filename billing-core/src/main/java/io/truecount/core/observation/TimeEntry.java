package io.truecount.core.observation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One time entry as a PSA reported it, mapped to the customer through its ticket's company.
 *
 * @param organizationId the PSA company / client id (what {@code sources:} maps)
 * @param ticketId null for time not booked on a ticket
 * @param workType the PSA's work type name (ConnectWise work type, Autotask billing code, HaloPSA charge type)
 * @param priority the ticket's priority name; null when unknown
 * @param category the ticket's category (type / issue type); null when unknown
 * @param billable whether the PSA marks the entry billable; only billable entries are ever billed
 * @param start when the work started; its date in the company timezone is the work date
 * @param hours hours worked as the PSA reports them, before rounding to increments
 */
public record TimeEntry(
        String connectorId,
        String organizationId,
        String externalId,
        String ticketId,
        String ticketTitle,
        String technician,
        String workType,
        String priority,
        String category,
        boolean billable,
        Instant start,
        BigDecimal hours) {

    public TimeEntry {
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(hours, "hours");
        if (hours.signum() < 0) {
            throw new IllegalArgumentException("time entry " + externalId + " has negative hours");
        }
    }
}
