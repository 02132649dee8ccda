package io.truecount.connector.halopsa;

import io.truecount.connector.SyncSink;
import io.truecount.core.observation.TimeEntry;
import java.util.ArrayList;
import java.util.List;

/** Joins each page of actions with its tickets' clients and hands the time entries on. */
final class ActionJoin {

    private final TicketIndex tickets;
    private final HaloPsaMapper mapper;
    private final SyncSink sink;
    private final boolean incremental;
    private int withoutTicket;

    /**
     * @param incremental a re-read action without time may have had time before (it was edited to zero), so it is
     *     reported deleted; a full read needs not, the sink drops what it did not deliver
     */
    ActionJoin(TicketIndex tickets, HaloPsaMapper mapper, SyncSink sink, boolean incremental) {
        this.tickets = tickets;
        this.mapper = mapper;
        this.sink = sink;
        this.incremental = incremental;
    }

    void deliver(List<Action> page) {
        List<TimeEntry> entries = new ArrayList<>(page.size());
        List<String> untimed = new ArrayList<>();
        for (Action action : page) {
            Ticket ticket = tickets.get(action.ticketId());
            if (ticket == null) {
                withoutTicket++;
            } else if (action.hours().signum() > 0) {
                entries.add(mapper.timeEntry(action, ticket));
            } else if (incremental) {
                // Actions without time (notes, e-mails) would be entries of zero hours: nothing to bill.
                untimed.add(action.externalId());
            }
        }
        if (!entries.isEmpty()) {
            sink.timeEntries(entries);
        }
        if (!untimed.isEmpty()) {
            sink.timeEntriesDeleted(untimed);
        }
    }

    /** Actions on tickets the ticket listing did not have (opened after it was read). */
    int withoutTicket() {
        return withoutTicket;
    }
}
