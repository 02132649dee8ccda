package io.truecount.sim.halopsa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A ticket, its actions in id order and its {@code lastactiondate}; guarded by its {@link HaloData}. */
final class TicketState {

    private final SimTicket ticket;
    private final List<SimAction> actions = new ArrayList<>();
    private long nextActionId = 1;
    /** When its last action was saved; null while it has none. */
    Instant lastActionDate;

    TicketState(SimTicket ticket) {
        this.ticket = ticket;
    }

    SimTicket ticket() {
        return ticket;
    }

    List<SimAction> actions() {
        return actions;
    }

    /** The id the next action gets: Halo numbers actions within their ticket. */
    long nextActionId() {
        return nextActionId++;
    }
}
