package io.truecount.connector.connectwise;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One ConnectWise time entry, read but not yet joined with its ticket.
 *
 * @param companyId {@code company/id}, what customers map
 * @param ticketId {@code chargeToId} when the entry is charged to a service or project ticket, else null
 * @param serviceTicket charged to a service ticket, whose summary and priority {@code /service/tickets} has
 * @param technician {@code member/identifier}
 * @param workType {@code workType/name}
 * @param billable {@code billableOption} is {@code Billable}
 * @param start {@code timeStart}
 * @param hours {@code actualHours}
 * @param lastUpdated {@code _info/lastUpdated}; null when the record has none
 */
record Entry(
        String id,
        String companyId,
        String ticketId,
        boolean serviceTicket,
        String technician,
        String workType,
        boolean billable,
        Instant start,
        BigDecimal hours,
        Instant lastUpdated) {}
