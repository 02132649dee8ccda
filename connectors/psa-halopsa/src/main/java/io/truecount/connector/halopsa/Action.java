package io.truecount.connector.halopsa;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One HaloPSA action (a ticket update that may carry time), read but not yet joined with its ticket.
 *
 * @param ticketId the ticket the action was logged on
 * @param externalId {@code <ticket_id>/<id>}: Halo numbers actions within their ticket, so the id alone repeats
 * @param technician {@code who}
 * @param outcome {@code outcome}, the charge type admins see on the action
 * @param billable {@code actisbillable}
 * @param start {@code datetime}
 * @param hours {@code timetaken}
 */
record Action(
        String ticketId,
        String externalId,
        String technician,
        String outcome,
        boolean billable,
        Instant start,
        BigDecimal hours) {}
