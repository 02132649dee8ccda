package io.truecount.sim.halopsa;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects clients, tickets (after their client) and actions (after their ticket), each in the order given. */
public final class HaloDataBuilder {
    private final List<HaloData.Client> clients = new ArrayList<>();
    private final Set<Long> clientIds = new HashSet<>();
    private final Map<Long, TicketState> tickets = new LinkedHashMap<>();
    private final Map<String, Long> customers = new HashMap<>();

    HaloDataBuilder() {}

    public HaloDataBuilder client(long id, String name) {
        if (!clientIds.add(id)) {
            throw new IllegalArgumentException("duplicate client " + id);
        }
        clients.add(new HaloData.Client(id, name));
        return this;
    }

    /** Marks the client as the customer's, for {@link HaloData#clientIdOf}. */
    public HaloDataBuilder customer(String customerId, long clientId) {
        customers.put(customerId, clientId);
        return this;
    }

    public HaloDataBuilder ticket(long id, long clientId, String summary, String priority, String category) {
        if (!clientIds.contains(clientId)) {
            throw new IllegalArgumentException("no client " + clientId + "; add the client first");
        }
        if (tickets.putIfAbsent(id, new TicketState(new SimTicket(id, clientId, summary, priority, category)))
                != null) {
            throw new IllegalArgumentException("duplicate ticket " + id);
        }
        return this;
    }

    /** An action logged by a technician, numbered after the ticket's last; saved when the work was done. */
    public HaloDataBuilder action(
            long ticketId, String outcome, String who, Instant datetime, String hours, boolean billable) {
        return add(ticketId, outcome, who, datetime, new BigDecimal(hours), billable, false);
    }

    /** An action Halo logged itself (no time); {@code excludesys=true} hides it. */
    public HaloDataBuilder systemAction(long ticketId, String outcome, Instant datetime) {
        return add(ticketId, outcome, "System", datetime, BigDecimal.ZERO, false, true);
    }

    private HaloDataBuilder add(
            long ticketId,
            String outcome,
            String who,
            Instant datetime,
            BigDecimal hours,
            boolean billable,
            boolean system) {
        TicketState state = tickets.get(ticketId);
        if (state == null) {
            throw new IllegalArgumentException("no ticket " + ticketId + "; add the ticket first");
        }
        state.actions()
                .add(new SimAction(
                        ticketId, state.nextActionId(), outcome, who, datetime, hours, billable, system, datetime));
        return this;
    }

    /** The data set; call once: the set goes on to change the ticket states collected here. */
    public HaloData build() {
        List<TicketState> ordered = new ArrayList<>(tickets.values());
        ordered.sort(Comparator.comparingLong(t -> t.ticket().id()));
        return new HaloData(clients, ordered, customers);
    }
}
