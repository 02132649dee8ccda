package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.Secret;
import io.truecount.connector.SourceConnector;
import io.truecount.connector.SyncSink;
import io.truecount.connector.SyncStats;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.TimeEntry;
import io.truecount.sim.autotask.AutotaskData;
import io.truecount.sim.autotask.AutotaskSimulator;
import io.truecount.sim.autotask.Endpoint;
import io.truecount.sim.autotask.ServedRequest;
import io.truecount.sim.msp.SampleMsp;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Autotask connector's incremental read against the simulator, with a sink that keeps cursors as the application's
 * storage does: a re-sync after technicians changed a few entries reads only those, plus an id-only sweep of the
 * months still being invoiced, and says which entries are gone.
 */
class AutotaskIncrementalIT {

    private static final Instant AS_OF = Instant.parse("2026-11-20T12:00:00Z");

    private final MovableClock simClock = new MovableClock(AS_OF);
    private AutotaskSimulator autotask;
    private DefaultCamelContext camel;

    /** The simulator's clock: technicians' edits happen after the first sync. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** What the application's sink keeps of a run. */
    private static final class Run implements SyncSink {
        final Map<String, String> previous;
        final Map<String, String> saved = new HashMap<>();
        final List<TimeEntry> entries = new ArrayList<>();
        final List<String> seen = new ArrayList<>();
        final List<Instant> complete = new ArrayList<>();

        Run(Map<String, String> previous) {
            this.previous = previous;
        }

        @Override
        public void organizations(List<ExternalOrganization> page) {}

        @Override
        public void assets(List<AssetObservation> page) {
            throw new AssertionError("a PSA has no assets");
        }

        @Override
        public void timeEntries(List<TimeEntry> page) {
            entries.addAll(page);
        }

        @Override
        public void timeEntriesSeen(List<String> externalIds) {
            seen.addAll(externalIds);
        }

        @Override
        public void timeEntriesComplete(Instant from) {
            complete.add(from);
        }

        @Override
        public Map<String, String> cursors() {
            return previous;
        }

        @Override
        public void saveCursor(String key, String value) {
            saved.put(key, value);
        }
    }

    @BeforeEach
    void start() {
        SampleMsp msp = SampleMsp.generate(11, 40, 4, AS_OF);
        autotask = AutotaskSimulator.builder(AutotaskData.from(msp, 30))
                .clock(simClock)
                .start();
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        autotask.close();
    }

    private SourceConnector connector() {
        ConnectorType type = ServiceLoader.load(ConnectorType.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(t -> t.name().equals("autotask"))
                .findFirst()
                .orElseThrow();
        ConnectorSettings settings = new ConnectorSettings(
                "autotask",
                "autotask",
                URI.create(autotask.baseUrl()),
                null,
                Map.of(
                        "username", new Secret(autotask.username(), "test"),
                        "secret", new Secret(autotask.secret(), "test"),
                        "integration-code", new Secret(autotask.integrationCode(), "test")),
                null,
                null,
                Map.of(),
                null,
                Map.of("retry.backoff-millis", "5", "retry.max-wait-seconds", "5"));
        // The application's clock: the sweep window is the month before it and this one.
        return type.createSource(settings, new ConnectorRuntime(camel, Clock.fixed(AS_OF, ZoneOffset.UTC)));
    }

    @Test
    void resync_readsOnlyTheChangedEntries_plusAnIdSweep_andFindsTheDeletedOne() {
        SourceConnector connector = connector();
        Run first = new Run(Map.of());
        SyncStats firstStats = new SyncStats();
        connector.sync(first, firstStats);
        int firstRequests = autotask.requestsInLastHour();
        int total = autotask.data().timeEntryCount();
        assertThat(first.complete).containsExactly(Instant.EPOCH);
        // Project time without a ticket maps to no company and is not delivered.
        assertThat(first.entries).hasSizeBetween(total * 9 / 10, total);

        List<Long> ids = autotask.data().timeEntryIds();
        long edited = ids.get(5);
        long deleted = ids.get(17);
        simClock.advance(Duration.ofHours(2));
        autotask.editHours(edited, "7.5");
        autotask.delete(deleted);
        long ticketOfAdded = 7001;
        long added = autotask.add(ticketOfAdded, "Onsite Support", Instant.parse("2026-11-19T09:00:00Z"), "1.25");
        autotask.clearRequests();

        Run second = new Run(first.saved);
        connector.sync(second, new SyncStats());

        // The edited and the added entry, and those changed in the last minutes before the first sync's watermark:
        // the connector reads 5 minutes back, for clocks and commits in flight.
        Instant watermark = Instant.parse(first.saved.values().iterator().next());
        List<String> changed = autotask.data().timeEntriesModifiedAfter(watermark.minus(Duration.ofMinutes(5))).stream()
                .map(String::valueOf)
                .toList();
        assertThat(changed)
                .contains(Long.toString(edited), Long.toString(added))
                .hasSizeLessThan(10);
        assertThat(second.entries).extracting(TimeEntry::externalId).containsExactlyInAnyOrderElementsOf(changed);
        assertThat(second.entries)
                .filteredOn(e -> e.externalId().equals(Long.toString(edited)))
                .singleElement()
                .satisfies(e -> assertThat(e.hours()).isEqualByComparingTo("7.5"));
        // Every entry of the generated MSP is worked in October or November: the sweep sees all but the deleted one.
        assertThat(second.seen).hasSize(total).doesNotContain(Long.toString(deleted));
        assertThat(second.complete).containsExactly(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(second.saved.values()).containsExactly(simClock.instant().toString());

        List<ServedRequest> entryRequests = autotask.requests().stream()
                .filter(r -> r.endpoint() == Endpoint.TIME_ENTRIES)
                .toList();
        assertThat(entryRequests.stream().filter(r -> r.query().contains("lastModifiedDateTime")))
                .extracting(ServedRequest::items)
                .containsExactly(changed.size());
        // The re-sync costs the sweep's pages of 500 ids and a handful of lookups, not the first sync's full read.
        int sweepPages = (total + 499) / 500;
        assertThat(autotask.requestsInLastHour() - firstRequests).isLessThanOrEqualTo(sweepPages + 10);
        assertThat(autotask.requests()).extracting(ServedRequest::status).containsOnly(200);
    }
}
