package io.truecount.connector.autotask;

import io.truecount.connector.SyncSink;
import io.truecount.connector.SyncStats;
import io.truecount.core.observation.TimeEntry;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins each page of time entries with what it names: the tickets (one {@code Tickets/query} with {@code id in […]}
 * per page, for the tickets this run has not read yet), and, on the first page, the technicians' and work types'
 * names. Customers map Autotask companies, and an entry knows its company only through its ticket.
 */
final class TimeEntryJoin {

    private static final Logger LOG = LoggerFactory.getLogger(TimeEntryJoin.class);

    private final AutotaskQuery query;
    private final URI root;
    private final Queries queries;
    private final AutotaskMapper mapper;
    private final SyncSink sink;
    private final SyncStats stats;
    private final Lookups lookups;
    private final Map<String, Ticket> tickets = new HashMap<>();
    private boolean namesRead;
    private int withoutTicket;
    private int ticketMissing;
    private Instant lastModified;

    TimeEntryJoin(
            AutotaskQuery query,
            URI root,
            Queries queries,
            AutotaskMapper mapper,
            Map<String, Map<String, String>> picklists,
            SyncSink sink,
            SyncStats stats) {
        this.query = query;
        this.root = root;
        this.queries = queries;
        this.mapper = mapper;
        this.sink = sink;
        this.stats = stats;
        this.lookups = new Lookups(picklists);
    }

    void deliver(List<Entry> page) {
        readNames();
        readTickets(page);
        List<TimeEntry> entries = new ArrayList<>(page.size());
        for (Entry entry : page) {
            if (lastModified == null || entry.lastModified().isAfter(lastModified)) {
                lastModified = entry.lastModified();
            }
            Ticket ticket = entry.ticketId() == null ? null : tickets.get(entry.ticketId());
            if (entry.ticketId() == null) {
                withoutTicket++;
            } else if (ticket == null) {
                ticketMissing++;
            } else {
                entries.add(mapper.timeEntry(entry, ticket, lookups));
            }
        }
        if (!entries.isEmpty()) {
            sink.timeEntries(entries);
        }
    }

    /** The latest {@code lastModifiedDateTime} delivered, or null when no entry was read. */
    Instant lastModified() {
        return lastModified;
    }

    void reportSkipped(String connectorId) {
        if (withoutTicket > 0) {
            // Project-task and regular time have no ticket, so no company to bill: Truecount bills ticket time.
            LOG.info(
                    "connector '{}': {} time entries are not on a ticket and were not read",
                    connectorId,
                    withoutTicket);
        }
        if (ticketMissing > 0) {
            LOG.warn(
                    "connector '{}': {} time entries name tickets Autotask did not return; skipped this run",
                    connectorId,
                    ticketMissing);
        }
    }

    private void readNames() {
        if (namesRead) {
            return;
        }
        namesRead = true;
        query.read(
                root,
                "Resources",
                queries.all(Queries.RESOURCE_FIELDS),
                mapper::resource,
                page -> page.forEach(lookups::resource),
                stats);
        query.read(
                root,
                "BillingCodes",
                queries.all(Queries.BILLING_CODE_FIELDS),
                mapper::billingCode,
                page -> page.forEach(lookups::billingCode),
                stats);
    }

    private void readTickets(List<Entry> page) {
        Set<String> wanted = new LinkedHashSet<>();
        for (Entry entry : page) {
            if (entry.ticketId() != null && !tickets.containsKey(entry.ticketId())) {
                wanted.add(entry.ticketId());
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        query.read(
                root,
                "Tickets",
                queries.idsIn(Queries.TICKET_FIELDS, wanted),
                mapper::ticket,
                found -> found.forEach(t -> tickets.put(t.getKey(), t.getValue())),
                stats);
    }
}
