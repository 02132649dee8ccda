package io.truecount.connector.autotask;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One Autotask time entry, read but not yet joined with its ticket.
 *
 * @param id Autotask's {@code id}, unique in the database
 * @param ticketId {@code ticketID}; null for time on a project task or a regular-time entry, which no ticket maps
 * @param resourceId {@code resourceID}, the technician
 * @param billingCodeId {@code billingCodeID}, the work type
 * @param billable not {@code isNonBillable}
 * @param start {@code startDateTime}, or {@code dateWorked} when Autotask was set not to require start times
 * @param hours {@code hoursWorked}
 * @param lastModified {@code lastModifiedDateTime}, the watermark
 */
record Entry(
        String id,
        String ticketId,
        String resourceId,
        String billingCodeId,
        boolean billable,
        Instant start,
        BigDecimal hours,
        Instant lastModified) {}
