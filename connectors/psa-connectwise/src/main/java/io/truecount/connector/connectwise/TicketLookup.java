package io.truecount.connector.connectwise;

import io.truecount.connector.SyncStats;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.paging.PageReader;
import io.truecount.connector.paging.Paginator;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Summary, priority and type of the service tickets a page of entries is charged to, so that rate rules naming a
 * priority or category match. Only tickets not met earlier in the run are asked for, with
 * {@code conditions=id in (..)} in chunks of {@value #IDS_PER_REQUEST} (a query string of 1000 ids would exceed the
 * 2 KB IIS allows by default); a re-sync that read a few changed entries asks for a few tickets.
 *
 * <p>Project tickets live under {@code /project/tickets} and carry no priority; their entries keep a null title.
 */
final class TicketLookup {

    static final String TICKETS = "/service/tickets";
    static final int IDS_PER_REQUEST = 100;

    private final PageReader reader;
    private final ConnectWiseMapper mapper;
    private final URI url;
    private final SyncStats stats;
    private final Map<String, Ticket> known = new HashMap<>();

    TicketLookup(PageReader reader, ConnectWiseMapper mapper, URI url, SyncStats stats) {
        this.reader = reader;
        this.mapper = mapper;
        this.url = url;
        this.stats = stats;
    }

    /** The tickets of this page's service-ticket entries, fetching those not yet known. */
    void load(List<Entry> page) {
        Set<String> missing = new LinkedHashSet<>();
        for (Entry entry : page) {
            if (entry.serviceTicket() && entry.ticketId() != null && !known.containsKey(entry.ticketId())) {
                missing.add(entry.ticketId());
            }
        }
        List<String> ids = new ArrayList<>(missing);
        for (int from = 0; from < ids.size(); from += IDS_PER_REQUEST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_REQUEST));
            // A deleted ticket is not returned; remember it as unknown so it is not asked for again.
            chunk.forEach(id -> known.put(id, Ticket.UNKNOWN));
            HttpRequest request = HttpRequest.get(url)
                    .withQueryParam("fields", "id,summary,priority/name,type/name")
                    .withQueryParam("conditions", "id in (" + String.join(",", chunk) + ")");
            reader.read(request, onePage(chunk.size()), mapper::ticket, this::remember, stats);
        }
    }

    Ticket of(Entry entry) {
        return entry.serviceTicket() ? known.getOrDefault(entry.ticketId(), Ticket.UNKNOWN) : Ticket.UNKNOWN;
    }

    private void remember(List<Map.Entry<String, Ticket>> tickets) {
        tickets.forEach(t -> known.put(t.getKey(), t.getValue()));
    }

    /** All asked-for tickets fit in one page: ids are unique, so there is never a second. */
    private static Paginator onePage(int size) {
        return new Paginator() {
            @Override
            public HttpRequest first(HttpRequest base) {
                return base.withQueryParam("pageSize", Integer.toString(size));
            }

            @Override
            public Optional<HttpRequest> next(io.truecount.connector.paging.Page page) {
                return Optional.empty();
            }
        };
    }
}
