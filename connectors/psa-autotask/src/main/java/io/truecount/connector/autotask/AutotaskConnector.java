package io.truecount.connector.autotask;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SyncSink;
import io.truecount.connector.SyncStats;
import io.truecount.connector.http.ResilienceOptions;
import io.truecount.connector.http.ResilientHttp;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Reads an Autotask database: companies, then time entries joined with their tickets' companies.
 *
 * <p>The first run reads every entry (or those worked since {@code history-start}) and says so with
 * {@link SyncSink#timeEntriesComplete}({@code EPOCH}). Later runs resume from the saved {@code lastModifiedDateTime}
 * watermark and read only entries changed since (less a few minutes, for clocks and commits in flight). Autotask has no
 * feed of deleted entries, so they also sweep the ids of every entry worked since the first day of the previous month,
 * the months still being invoiced, and report that window complete: what the sweep no longer sees was deleted.
 */
final class AutotaskConnector implements SourceConnector {

    static final String WATERMARK = "time-entries.last-modified";
    static final Duration OVERLAP = Duration.ofMinutes(5);
    static final int MAX_PAGE_SIZE = 500;

    private final ConnectorSettings settings;
    private final ResilientHttp http;
    private final AutotaskHeaders headers;
    private final ZoneLocator zone;
    private final Clock clock;
    private final RequestBudget.Sleeper sleeper;
    private final Duration maxWait;
    private final Queries queries;
    private final AutotaskMapper mapper;
    private final LocalDate historyStart;
    private volatile Map<String, Map<String, String>> picklists;

    private AutotaskConnector(ConnectorSettings settings, ConnectorRuntime runtime, RequestBudget.Sleeper sleeper) {
        this.settings = settings;
        this.http = ResilientHttp.create(settings, runtime);
        String username =
                settings.credential(AutotaskConnectorType.USERNAME).reveal().strip();
        this.headers = new AutotaskHeaders(
                username,
                settings.credential(AutotaskConnectorType.SECRET),
                settings.credential(AutotaskConnectorType.INTEGRATION_CODE));
        URI baseUrl = settings.baseUrl() != null ? settings.baseUrl() : AutotaskConnectorType.DISCOVERY_HOST;
        this.zone = new ZoneLocator(http, baseUrl, username);
        this.clock = runtime.clock();
        this.sleeper = sleeper;
        this.maxWait = ResilienceOptions.of(settings).maxWait();
        int pageSize = settings.intOption(AutotaskConnectorType.PAGE_SIZE, MAX_PAGE_SIZE);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw invalid(AutotaskConnectorType.PAGE_SIZE + "' must be between 1 and " + MAX_PAGE_SIZE);
        }
        this.queries = new Queries(pageSize);
        this.mapper = new AutotaskMapper(settings.id());
        this.historyStart = historyStart(settings);
        requestsPerHour();
    }

    static AutotaskConnector create(
            ConnectorSettings settings, ConnectorRuntime runtime, RequestBudget.Sleeper sleeper) {
        return new AutotaskConnector(settings, runtime, sleeper);
    }

    /** Finds the zone and reads one company: proves the zone, the three headers and the API user's rights. */
    @Override
    public void checkConnection() {
        SyncStats stats = new SyncStats();
        URI root = zone.apiRoot(stats);
        new AutotaskQuery(http, headers, limits(root), maxWait, sleeper)
                .read(
                        root,
                        "Companies",
                        new Queries(1).all(Queries.COMPANY_FIELDS),
                        mapper::company,
                        page -> {},
                        stats);
    }

    @Override
    public void sync(SyncSink sink, SyncStats stats) {
        URI root = zone.apiRoot(stats);
        AutotaskQuery query = new AutotaskQuery(http, headers, limits(root), maxWait, sleeper);
        query.read(root, "Companies", queries.all(Queries.COMPANY_FIELDS), mapper::company, sink::organizations, stats);

        Instant runStart = clock.instant();
        String saved = sink.cursors().get(WATERMARK);
        Instant watermark = saved == null ? null : parseWatermark(saved);
        TimeEntryJoin join =
                new TimeEntryJoin(query, root, queries, mapper, picklists(query, root, stats), sink, stats);
        if (watermark == null) {
            Instant from = historyStart == null ? Instant.EPOCH : midnight(historyStart);
            ObjectNode body = historyStart == null
                    ? queries.all(Queries.ENTRY_FIELDS)
                    : queries.workedSince(Queries.ENTRY_FIELDS, historyStart.minusDays(1));
            query.read(root, "TimeEntries", body, mapper::entry, join::deliver, stats);
            sink.timeEntriesComplete(from);
        } else {
            ObjectNode body = queries.changedSince(Queries.ENTRY_FIELDS, watermark.minus(OVERLAP));
            query.read(root, "TimeEntries", body, mapper::entry, join::deliver, stats);
            LocalDate window = LocalDate.ofInstant(runStart, ZoneOffset.UTC)
                    .withDayOfMonth(1)
                    .minusMonths(1);
            // One day earlier than the window: dateWorked is the work date in the database's time zone, not UTC.
            ObjectNode sweep = queries.workedSince(List.of("id"), window.minusDays(1));
            query.read(root, "TimeEntries", sweep, mapper::entryId, sink::timeEntriesSeen, stats);
            sink.timeEntriesComplete(midnight(window));
        }
        join.reportSkipped(settings.id());
        Instant next = join.lastModified();
        if (next == null || watermark != null && watermark.isAfter(next)) {
            next = watermark != null ? watermark : runStart;
        }
        sink.saveCursor(WATERMARK, next.toString());
    }

    /** The ticket picklists, read once for the life of the connector: they change when an admin edits them. */
    private Map<String, Map<String, String>> picklists(AutotaskQuery query, URI root, SyncStats stats) {
        Map<String, Map<String, String>> lists = picklists;
        if (lists == null) {
            URI fields = AutotaskQuery.under(root, "/Tickets/entityInformation/fields");
            lists = Lookups.picklists(query.get("Tickets", fields, stats));
            picklists = lists;
        }
        return lists;
    }

    private AccountLimits limits(URI root) {
        String zoneHost = root.getHost() + (root.getPort() < 0 ? "" : ":" + root.getPort());
        String username =
                settings.credential(AutotaskConnectorType.USERNAME).reveal().strip();
        return AccountLimits.of(zoneHost, username, requestsPerHour(), clock);
    }

    private int requestsPerHour() {
        int perHour =
                settings.intOption(AutotaskConnectorType.REQUESTS_PER_HOUR, AccountLimits.DEFAULT_REQUESTS_PER_HOUR);
        if (perHour < 1 || perHour > 10_000) {
            throw invalid(AutotaskConnectorType.REQUESTS_PER_HOUR + "' must be between 1 and 10000");
        }
        return perHour;
    }

    private Instant parseWatermark(String saved) {
        try {
            return Instant.parse(saved);
        } catch (DateTimeParseException e) {
            // A cursor this version cannot read: read everything again rather than guess.
            return null;
        }
    }

    private IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("connector " + settings.id() + ": option '" + problem);
    }

    private static LocalDate historyStart(ConnectorSettings settings) {
        String value = settings.options().get(AutotaskConnectorType.HISTORY_START);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("connector " + settings.id() + ": option '"
                    + AutotaskConnectorType.HISTORY_START + "' must be a date like 2025-01-01, not '" + value + "'");
        }
    }

    private static Instant midnight(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
