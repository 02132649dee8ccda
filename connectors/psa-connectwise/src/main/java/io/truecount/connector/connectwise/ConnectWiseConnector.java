package io.truecount.connector.connectwise;

import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SyncSink;
import io.truecount.connector.SyncStats;
import io.truecount.connector.http.ApiClient;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.paging.CursorPaginator;
import io.truecount.connector.paging.PageReader;
import io.truecount.connector.paging.RecordSelector;
import io.truecount.core.observation.TimeEntry;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a ConnectWise PSA: companies, then time entries, which name their company themselves.
 *
 * <p>Paging is forward-only ({@code pagination-type: forward-only}, {@code pageId=<last id>}, which ConnectWise
 * treats as {@code id > pageId}): keyset paging cannot skip an entry when another is deleted while we page, which
 * page numbers would, and a skipped entry would look deleted to the sweep. A page shorter than asked for is the last.
 *
 * <p>The first run reads every entry. Later runs read only entries whose {@code lastUpdated} passed the watermark the
 * last successful run saved, then sweep the ids (nothing else) of entries since {@code sweep-months} ago, so that
 * entries deleted in ConnectWise stop being billed ({@link SyncSink#timeEntriesComplete}). Every
 * {@code full-sync-hours} a run reads everything again.
 */
final class ConnectWiseConnector implements SourceConnector {

    static final String COMPANIES = "/company/companies";
    static final String ENTRIES = "/time/entries";
    static final String SYSTEM_INFO = "/system/info";
    static final int MAX_PAGE_SIZE = 1000;
    static final int DEFAULT_FULL_SYNC_HOURS = 168;
    static final int DEFAULT_SWEEP_MONTHS = 1;
    static final String ENTRY_FIELDS = "id,company/id,chargeToId,chargeToType,member/identifier,workType/name,"
            + "billableOption,timeStart,actualHours,_info/lastUpdated";

    private final URI baseUrl;
    private final ApiClient api;
    private final ConnectWiseMapper mapper;
    private final Clock clock;
    private final int pageSize;
    private final int fullSyncHours;
    private final int sweepMonths;

    ConnectWiseConnector(
            URI baseUrl,
            ApiClient api,
            ConnectWiseMapper mapper,
            Clock clock,
            int pageSize,
            int fullSyncHours,
            int sweepMonths) {
        this.baseUrl = baseUrl;
        this.api = api;
        this.mapper = mapper;
        this.clock = clock;
        this.pageSize = pageSize;
        this.fullSyncHours = fullSyncHours;
        this.sweepMonths = sweepMonths;
    }

    static ConnectWiseConnector create(ConnectorSettings settings, ConnectorRuntime runtime) {
        String id = settings.id();
        if (settings.baseUrl() == null) {
            throw new IllegalArgumentException("connector '" + id + "': connectwise-manage needs base-url, the API"
                    + " root with its codebase (https://api-na.myconnectwise.net/v4_6_release/apis/3.0)");
        }
        int pageSize = settings.intOption(ConnectWiseConnectorType.PAGE_SIZE, MAX_PAGE_SIZE);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "connector '" + id + "': option 'page-size' must be 1 to " + MAX_PAGE_SIZE + ", not " + pageSize);
        }
        int fullSyncHours = settings.intOption(ConnectWiseConnectorType.FULL_SYNC_HOURS, DEFAULT_FULL_SYNC_HOURS);
        int sweepMonths = settings.intOption(ConnectWiseConnectorType.SWEEP_MONTHS, DEFAULT_SWEEP_MONTHS);
        if (fullSyncHours < 0 || sweepMonths < 0) {
            throw new IllegalArgumentException(
                    "connector '" + id + "': options 'full-sync-hours' and 'sweep-months'" + " cannot be negative");
        }
        ConnectWiseAuthenticator authenticator = new ConnectWiseAuthenticator(
                settings.credential(ConnectWiseConnectorType.COMPANY).reveal(),
                settings.credential(ConnectWiseConnectorType.PUBLIC_KEY).reveal(),
                settings.credential(ConnectWiseConnectorType.PRIVATE_KEY),
                settings.credential(ConnectWiseConnectorType.CLIENT_ID).reveal());
        ApiClient api = new ApiClient(ResilientHttp.create(settings, runtime), authenticator);
        return new ConnectWiseConnector(
                settings.baseUrl(),
                api,
                new ConnectWiseMapper(id),
                runtime.clock(),
                pageSize,
                fullSyncHours,
                sweepMonths);
    }

    @Override
    public void checkConnection() {
        api.send(HttpRequest.get(under(SYSTEM_INFO)), new SyncStats());
    }

    @Override
    public void sync(SyncSink sink, SyncStats stats) {
        Instant started = clock.instant();
        SyncPlan plan = SyncPlan.of(sink.cursors(), started, fullSyncHours, sweepMonths);
        PageReader reader = new PageReader(api, RecordSelector.bareArray());

        HttpRequest companies = listing(COMPANIES).withQueryParam("fields", "id,identifier,name,website");
        reader.read(companies, keyset(), mapper::organization, sink::organizations, stats);

        TicketLookup tickets = new TicketLookup(reader, mapper, under(TicketLookup.TICKETS), stats);
        Watermark watermark = new Watermark(plan.full() ? null : plan.watermark());
        HttpRequest entries = listing(ENTRIES).withQueryParam("fields", ENTRY_FIELDS);
        if (!plan.full()) {
            entries = entries.withQueryParam("conditions", plan.changedSince());
        }
        reader.read(entries, keyset(), mapper::entry, page -> deliver(page, tickets, watermark, sink), stats);

        if (plan.full()) {
            sink.timeEntriesComplete(Instant.EPOCH);
        } else {
            HttpRequest sweep =
                    listing(ENTRIES).withQueryParam("fields", "id").withQueryParam("conditions", plan.sweep());
            reader.read(sweep, keyset(), mapper::id, sink::timeEntriesSeen, stats);
            sink.timeEntriesComplete(plan.sweepFrom());
        }
        // A run keeps only the cursors it saves, so both are saved every time.
        sink.saveCursor(SyncPlan.LAST_UPDATED, watermark.orElse(started).toString());
        sink.saveCursor(SyncPlan.FULL_READ_AT, (plan.full() ? started : plan.lastFullRead()).toString());
    }

    private void deliver(List<Entry> page, TicketLookup tickets, Watermark watermark, SyncSink sink) {
        tickets.load(page);
        List<TimeEntry> mapped = new ArrayList<>(page.size());
        for (Entry entry : page) {
            mapped.add(mapper.timeEntry(entry, tickets.of(entry)));
            watermark.saw(entry.lastUpdated());
        }
        sink.timeEntries(mapped);
    }

    /** The highest {@code lastUpdated} delivered in this run, else the one it started from. */
    private static final class Watermark {
        private Instant highest;

        Watermark(Instant previous) {
            this.highest = previous;
        }

        void saw(Instant lastUpdated) {
            if (lastUpdated != null && (highest == null || lastUpdated.isAfter(highest))) {
                highest = lastUpdated;
            }
        }

        /** With no entry at all yet, the run's start: anything saved later carries a later {@code lastUpdated}. */
        Instant orElse(Instant started) {
            return highest != null ? highest : started;
        }
    }

    private HttpRequest listing(String path) {
        return HttpRequest.get(under(path))
                .withHeader("pagination-type", "forward-only")
                .withQueryParam("orderBy", "id asc");
    }

    private CursorPaginator keyset() {
        return new CursorPaginator("pageSize", pageSize, "pageId", "id");
    }

    /** The path below the base URL, keeping the base URL's own path ({@code /v4_6_release/apis/3.0}). */
    private URI under(String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
