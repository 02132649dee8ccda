package io.truecount.connector.halopsa;

import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.Secret;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SyncSink;
import io.truecount.connector.SyncStats;
import io.truecount.connector.auth.ClientCredentialsAuthenticator;
import io.truecount.connector.http.ApiClient;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.paging.PageNumberPaginator;
import io.truecount.connector.paging.PageReader;
import io.truecount.connector.paging.RecordSelector;
import io.truecount.core.observation.TimeEntry;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a HaloPSA instance: clients, then tickets (for each ticket's client, priority and category), then actions,
 * the records that carry time. Every listing is paged with {@code pageinate=true&page_size&page_no} (Halo's
 * spelling) and keeps its records under an entity key.
 *
 * <p>Every run reads everything: the sync runtime gives a connector no cursor it could keep across restarts, so a
 * {@code lastactiondate} watermark would be lost with the process. Actions delivered by this instance's previous
 * successful run and missing now are reported deleted.
 */
final class HaloPsaConnector implements SourceConnector {

    static final String CLIENTS = "/Client";
    static final String TICKETS = "/Tickets";
    static final String ACTIONS = "/Actions";
    static final String TOKEN = "/token";
    // Halo's client-credentials applications are granted permissions in Halo itself; "all" asks for what was granted.
    static final String SCOPE = "all";
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final int DELETIONS_PER_CALL = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(HaloPsaConnector.class);

    private final String connectorId;
    private final URI baseUrl;
    private final ApiClient api;
    private final HaloPsaMapper mapper;
    private final int pageSize;
    // Ids delivered by the last run that completed; null until one has.
    private Set<String> delivered;

    HaloPsaConnector(String connectorId, URI baseUrl, ApiClient api, HaloPsaMapper mapper, int pageSize) {
        this.connectorId = connectorId;
        this.baseUrl = baseUrl;
        this.api = api;
        this.mapper = mapper;
        this.pageSize = pageSize;
    }

    static HaloPsaConnector create(ConnectorSettings settings, ConnectorRuntime runtime) {
        URI baseUrl = settings.baseUrl();
        if (baseUrl == null) {
            throw new IllegalArgumentException("connector '" + settings.id()
                    + "': halopsa needs base-url, the instance's API URL (https://<instance>.halopsa.com/api)");
        }
        ResilientHttp http = ResilientHttp.create(settings, runtime);
        ClientCredentialsAuthenticator authenticator = new ClientCredentialsAuthenticator(
                http,
                tokenUrl(settings),
                settings.credential(HaloPsaConnectorType.CLIENT_ID).reveal(),
                settings.credential(HaloPsaConnectorType.CLIENT_SECRET),
                SCOPE,
                runtime.clock());
        int pageSize = settings.intOption(HaloPsaConnectorType.PAGE_SIZE, DEFAULT_PAGE_SIZE);
        return new HaloPsaConnector(
                settings.id(), baseUrl, new ApiClient(http, authenticator), new HaloPsaMapper(settings.id()), pageSize);
    }

    /** {@code <auth-url>/token}, the auth URL defaulting to {@code <base-url host>/auth}; {@code ?tenant=} if given. */
    static URI tokenUrl(ConnectorSettings settings) {
        URI base = settings.baseUrl();
        URI authUrl = settings.authUrl() != null
                ? settings.authUrl()
                : URI.create(base.getScheme() + "://" + base.getRawAuthority() + "/auth");
        HttpRequest token = HttpRequest.get(under(authUrl, TOKEN));
        Secret tenant = settings.credentials().get(HaloPsaConnectorType.TENANT);
        if (tenant != null && !tenant.reveal().isBlank()) {
            token = token.withQueryParam("tenant", tenant.reveal().strip());
        }
        return token.url();
    }

    @Override
    public void checkConnection() {
        HttpRequest oneClient =
                listing(CLIENTS).withQueryParam("page_size", "1").withQueryParam("page_no", "1");
        api.send(oneClient, new SyncStats());
    }

    @Override
    public void sync(SyncSink sink, SyncStats stats) {
        reader("clients").read(listing(CLIENTS), paged(), mapper::organization, sink::organizations, stats);

        TicketIndex tickets = new TicketIndex();
        reader("tickets").read(listing(TICKETS), paged(), mapper::ticket, page -> page.forEach(tickets::put), stats);

        ActionJoin join = new ActionJoin(tickets, sink);
        HttpRequest actions = listing(ACTIONS).withQueryParam("excludesys", "true");
        reader("actions").read(actions, paged(), mapper::action, join::deliver, stats);
        if (join.withoutTicket > 0) {
            // A ticket opened after the ticket listing was read; its time comes with the next run.
            LOG.warn(
                    "connector '{}': {} actions are on tickets the ticket listing did not have; skipped this run",
                    connectorId,
                    join.withoutTicket);
        }
        reportDeleted(join.delivered, sink);
    }

    /** Joins each page of actions with the tickets' clients and hands the time entries on. */
    private final class ActionJoin {

        private final TicketIndex tickets;
        private final SyncSink sink;
        private final Set<String> delivered = new HashSet<>();
        private int withoutTicket;

        ActionJoin(TicketIndex tickets, SyncSink sink) {
            this.tickets = tickets;
            this.sink = sink;
        }

        void deliver(List<Action> page) {
            List<TimeEntry> entries = new ArrayList<>(page.size());
            for (Action action : page) {
                Ticket ticket = tickets.get(action.ticketId());
                if (ticket == null) {
                    withoutTicket++;
                } else if (action.hours().signum() > 0) {
                    // Actions without time (notes, e-mails) would be entries of zero hours: nothing to bill.
                    entries.add(mapper.timeEntry(action, ticket));
                    delivered.add(action.externalId());
                }
            }
            if (!entries.isEmpty()) {
                sink.timeEntries(entries);
            }
        }
    }

    // Synchronized: an on-demand run may overlap a scheduled one on the same instance.
    private synchronized void reportDeleted(Set<String> seen, SyncSink sink) {
        if (delivered != null) {
            List<String> gone = new ArrayList<>();
            for (String id : delivered) {
                if (!seen.contains(id)) {
                    gone.add(id);
                }
                if (gone.size() == DELETIONS_PER_CALL) {
                    sink.timeEntriesDeleted(List.copyOf(gone));
                    gone.clear();
                }
            }
            if (!gone.isEmpty()) {
                sink.timeEntriesDeleted(List.copyOf(gone));
            }
        }
        delivered = seen;
    }

    private PageReader reader(String listKey) {
        return new PageReader(api, RecordSelector.field(listKey));
    }

    private HttpRequest listing(String path) {
        return HttpRequest.get(under(baseUrl, path)).withQueryParam("pageinate", "true");
    }

    // Halo states record_count, not a page count, so a page shorter than asked for is the last.
    private PageNumberPaginator paged() {
        return new PageNumberPaginator("page_no", "page_size", pageSize, null);
    }

    /** The path below the base URL, keeping the base URL's own path ({@code /api}). */
    static URI under(URI baseUrl, String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
