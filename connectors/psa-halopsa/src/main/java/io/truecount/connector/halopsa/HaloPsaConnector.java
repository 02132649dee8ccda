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
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a HaloPSA instance: clients, then tickets (for each ticket's client, priority and category), then actions,
 * the records that carry time. Every listing is paged with {@code pageinate=true&page_size&page_no} (Halo's
 * spelling) and keeps its records under an entity key.
 *
 * <p>A full read takes every ticket and every action and then tells the sink it met every entry, so entries deleted
 * in Halo stop being billed. Later runs read only the tickets with actions since the last run
 * ({@code datesearch=lastactiondate}) and those tickets' actions, which picks up new and edited actions but not
 * deleted ones; so a full read runs again once the last one is {@code full-sync-hours} old ({@link SyncPlan}).
 */
final class HaloPsaConnector implements SourceConnector {

    static final String CLIENTS = "/Client";
    static final String TICKETS = "/Tickets";
    static final String ACTIONS = "/Actions";
    static final String TOKEN = "/token";
    // Halo's client-credentials applications are granted permissions in Halo itself; "all" asks for what was granted.
    static final String SCOPE = "all";
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final int DEFAULT_FULL_SYNC_HOURS = 24;
    private static final Logger LOG = LoggerFactory.getLogger(HaloPsaConnector.class);

    private final String connectorId;
    private final URI baseUrl;
    private final ApiClient api;
    private final HaloPsaMapper mapper;
    private final int pageSize;
    private final Duration fullSyncEvery;
    private final Clock clock;

    HaloPsaConnector(
            String connectorId,
            URI baseUrl,
            ApiClient api,
            HaloPsaMapper mapper,
            int pageSize,
            Duration fullSyncEvery,
            Clock clock) {
        this.connectorId = connectorId;
        this.baseUrl = baseUrl;
        this.api = api;
        this.mapper = mapper;
        this.pageSize = pageSize;
        this.fullSyncEvery = fullSyncEvery;
        this.clock = clock;
    }

    static HaloPsaConnector create(ConnectorSettings settings, ConnectorRuntime runtime) {
        URI baseUrl = settings.baseUrl();
        if (baseUrl == null) {
            throw new IllegalArgumentException("connector '" + settings.id()
                    + "': halopsa needs base-url, the instance's API URL (https://<instance>.halopsa.com/api)");
        }
        int fullSyncHours = settings.intOption(HaloPsaConnectorType.FULL_SYNC_HOURS, DEFAULT_FULL_SYNC_HOURS);
        if (fullSyncHours < 0) {
            throw new IllegalArgumentException("connector '" + settings.id() + "': option '"
                    + HaloPsaConnectorType.FULL_SYNC_HOURS + "' must be 0 (every run reads in full) or more, not "
                    + fullSyncHours);
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
                settings.id(),
                baseUrl,
                new ApiClient(http, authenticator),
                new HaloPsaMapper(settings.id()),
                pageSize,
                Duration.ofHours(fullSyncHours),
                runtime.clock());
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
        SyncPlan plan = SyncPlan.decide(sink.cursors(), clock.instant(), fullSyncEvery);
        reader("clients").read(listing(CLIENTS), paged(), mapper::organization, sink::organizations, stats);
        TicketIndex tickets = new TicketIndex();
        ActionJoin join = new ActionJoin(tickets, mapper, sink, !plan.full());
        if (plan.full()) {
            LOG.info("connector '{}': reading every ticket and action", connectorId);
            reader("tickets")
                    .read(listing(TICKETS), paged(), mapper::ticket, page -> page.forEach(tickets::put), stats);
            HttpRequest actions = listing(ACTIONS).withQueryParam("excludesys", "true");
            reader("actions").read(actions, paged(), mapper::action, join::deliver, stats);
            // Every action was read: an entry stored earlier and not delivered now was deleted in Halo.
            sink.timeEntriesComplete(Instant.EPOCH);
        } else {
            HttpRequest changed = listing(TICKETS)
                    .withQueryParam("datesearch", "lastactiondate")
                    .withQueryParam("startdate", plan.startDate());
            reader("tickets").read(changed, paged(), mapper::ticket, page -> page.forEach(tickets::put), stats);
            LOG.info(
                    "connector '{}': reading the actions of {} tickets with actions since {}",
                    connectorId,
                    tickets.size(),
                    plan.watermark());
            for (String ticketId : tickets.ids()) {
                HttpRequest actions =
                        listing(ACTIONS).withQueryParam("ticket_id", ticketId).withQueryParam("excludesys", "true");
                reader("actions").read(actions, paged(), mapper::action, join::deliver, stats);
            }
        }
        if (join.withoutTicket() > 0) {
            // A ticket opened after the ticket listing was read; its time comes with the next run.
            LOG.warn(
                    "connector '{}': {} actions are on tickets the ticket listing did not have; skipped this run",
                    connectorId,
                    join.withoutTicket());
        }
        plan.save(sink);
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
