package io.truecount.sim.halopsa;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An action as the simulator holds it; replaced, not changed, when edited.
 *
 * @param id numbered within its ticket, as Halo numbers actions
 * @param system an action Halo logs itself (ticket logged, status changed): no time, hidden by {@code excludesys}
 * @param datetime when the work was done
 * @param lastUpdated when the action was last saved
 */
record SimAction(
        long ticketId,
        long id,
        String outcome,
        String who,
        Instant datetime,
        BigDecimal hours,
        boolean billable,
        boolean system,
        Instant lastUpdated) {

    SimAction withHours(BigDecimal newHours, Instant now) {
        return new SimAction(ticketId, id, outcome, who, datetime, newHours, billable, system, now);
    }
}
