package io.truecount.sim.halopsa;

import io.truecount.sim.msp.SampleMsp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.TreeSet;

/**
 * The clients, tickets and actions a {@link HaloSimulator} serves, and the changes tests make between syncs. Listings
 * are served by slicing lists kept in id order, tickets changed since an instant from an index on their
 * {@code lastactiondate}, so a page costs the same whatever the instance's size. Thread-safe: pages are served from
 * WireMock's threads while a test edits. Built from a {@link SampleMsp} ({@link #from}) or by hand:
 *
 * <pre>{@code
 * HaloData.builder()
 *         .client(7, "Acme Dental")
 *         .ticket(1234, 7, "VPN down", "P2 High", "Network")
 *         .action(1234, "Remote Support", "Jane Doe", Instant.parse("2026-10-05T14:00:00Z"), "1.5", true)
 *         .build();
 * }</pre>
 */
public final class HaloData {

    record Client(long id, String name) {}

    /** One ticket as the listing shows it. */
    record TicketRow(SimTicket ticket, String clientName, Instant lastActionDate) {}

    /** A page of a listing and the number of records the whole listing has ({@code record_count}). */
    record Slice<T>(List<T> rows, int total) {}

    private record Change(Instant at, long ticketId) {}

    private final List<Client> clients;
    private final Map<Long, String> clientNames = new HashMap<>();
    private final Map<String, Long> clientOfCustomer;
    private final List<TicketState> tickets;
    private final Map<Long, TicketState> ticketsById = new HashMap<>();
    private final NavigableSet<Change> byLastAction =
            new TreeSet<>(Comparator.comparing(Change::at).thenComparingLong(Change::ticketId));
    // Every action in ticket, then action id order, with and without system actions; rebuilt after a change.
    private List<SimAction> allActions;
    private List<SimAction> userActions;

    HaloData(List<Client> clients, List<TicketState> tickets, Map<String, Long> clientOfCustomer) {
        this.clients = List.copyOf(clients);
        clients.forEach(c -> clientNames.put(c.id(), c.name()));
        this.tickets = List.copyOf(tickets);
        this.clientOfCustomer = Map.copyOf(clientOfCustomer);
        for (TicketState state : tickets) {
            ticketsById.put(state.ticket().id(), state);
            state.lastActionDate = state.actions().stream()
                    .map(SimAction::lastUpdated)
                    .max(Comparator.naturalOrder())
                    .orElse(null);
            index(state);
        }
    }

    /** The MSP's customers as Halo clients, each with tickets and actions over the 30 days before its as-of. */
    public static HaloData from(SampleMsp msp) {
        return HaloGenerator.generate(msp, HaloGenerator.DEFAULT_MEAN_ACTIONS);
    }

    /** @param meanActionsPerClient timed actions per client on average: 75 for 2,000 clients make 150,000 */
    public static HaloData from(SampleMsp msp, int meanActionsPerClient) {
        return HaloGenerator.generate(msp, meanActionsPerClient);
    }

    public static HaloDataBuilder builder() {
        return new HaloDataBuilder();
    }

    /** The client id a generated instance gives the customer ({@code sources: { halo: ".." }}). */
    public String clientIdOf(String customerId) {
        Long id = clientOfCustomer.get(customerId);
        if (id == null) {
            throw new NoSuchElementException("no client for customer " + customerId);
        }
        return Long.toString(id);
    }

    public int clientCount() {
        return clients.size();
    }

    public synchronized int ticketCount() {
        return tickets.size();
    }

    /** Actions with time, the ones a connector turns into time entries. */
    public synchronized int timedActionCount() {
        return (int)
                actions(null, true).stream().filter(a -> a.hours().signum() > 0).count();
    }

    /** The ticket's {@code lastactiondate}; null when it has no action. */
    public synchronized Instant lastActionDate(long ticketId) {
        return state(ticketId).lastActionDate;
    }

    synchronized Slice<Client> clients(int from, int size) {
        return slice(clients, from, size);
    }

    /** Tickets in id order, or with {@code lastactiondate} at or after {@code since} in that order when given. */
    synchronized Slice<TicketRow> tickets(Instant since, int from, int size) {
        List<TicketRow> rows = new ArrayList<>();
        int total;
        if (since == null) {
            total = tickets.size();
            slice(tickets, from, size).rows().forEach(t -> rows.add(row(t)));
        } else {
            NavigableSet<Change> changed = byLastAction.tailSet(new Change(since, Long.MIN_VALUE), true);
            total = changed.size();
            changed.stream().skip(from).limit(size).forEach(c -> rows.add(row(ticketsById.get(c.ticketId()))));
        }
        return new Slice<>(rows, total);
    }

    /** One ticket's actions (none for an unknown ticket), or every action when {@code ticketId} is null. */
    synchronized Slice<SimAction> actions(Long ticketId, boolean excludeSystem, int from, int size) {
        return slice(actions(ticketId, excludeSystem), from, size);
    }

    synchronized SimAction editAction(long ticketId, long actionId, BigDecimal hours, Instant now) {
        TicketState state = state(ticketId);
        for (int i = 0; i < state.actions().size(); i++) {
            SimAction action = state.actions().get(i);
            if (action.id() == actionId) {
                SimAction edited = action.withHours(hours, now);
                state.actions().set(i, edited);
                touch(state, now);
                return edited;
            }
        }
        throw new NoSuchElementException("no action " + actionId + " on ticket " + ticketId);
    }

    /** Halo keeps the ticket's {@code lastactiondate}: deleting an action is not an action on the ticket. */
    synchronized void deleteAction(long ticketId, long actionId) {
        TicketState state = state(ticketId);
        if (!state.actions().removeIf(a -> a.id() == actionId)) {
            throw new NoSuchElementException("no action " + actionId + " on ticket " + ticketId);
        }
        allActions = null;
        userActions = null;
    }

    synchronized SimAction addAction(
            long ticketId,
            String outcome,
            String who,
            Instant datetime,
            BigDecimal hours,
            boolean billable,
            Instant now) {
        TicketState state = state(ticketId);
        SimAction added =
                new SimAction(ticketId, state.nextActionId(), outcome, who, datetime, hours, billable, false, now);
        state.actions().add(added);
        touch(state, now);
        return added;
    }

    private void touch(TicketState state, Instant now) {
        if (state.lastActionDate != null) {
            byLastAction.remove(new Change(state.lastActionDate, state.ticket().id()));
        }
        state.lastActionDate = now;
        index(state);
        allActions = null;
        userActions = null;
    }

    private void index(TicketState state) {
        if (state.lastActionDate != null) {
            byLastAction.add(new Change(state.lastActionDate, state.ticket().id()));
        }
    }

    private List<SimAction> actions(Long ticketId, boolean excludeSystem) {
        if (ticketId != null) {
            TicketState state = ticketsById.get(ticketId);
            if (state == null) {
                return List.of();
            }
            return excludeSystem
                    ? state.actions().stream().filter(a -> !a.system()).toList()
                    : state.actions();
        }
        if (allActions == null) {
            allActions = new ArrayList<>();
            userActions = new ArrayList<>();
            for (TicketState state : tickets) {
                for (SimAction action : state.actions()) {
                    allActions.add(action);
                    if (!action.system()) {
                        userActions.add(action);
                    }
                }
            }
        }
        return excludeSystem ? userActions : allActions;
    }

    private TicketRow row(TicketState state) {
        return new TicketRow(state.ticket(), clientNames.get(state.ticket().clientId()), state.lastActionDate);
    }

    private TicketState state(long ticketId) {
        TicketState state = ticketsById.get(ticketId);
        if (state == null) {
            throw new NoSuchElementException("no ticket " + ticketId);
        }
        return state;
    }

    private static <T> Slice<T> slice(List<T> rows, int from, int size) {
        int start = Math.min(rows.size(), from);
        int end = (int) Math.min(rows.size(), (long) start + size);
        return new Slice<>(List.copyOf(rows.subList(start, end)), rows.size());
    }
}
