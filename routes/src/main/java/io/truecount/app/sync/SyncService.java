package io.truecount.app.sync;

import io.truecount.app.ops.Correlation;
import io.truecount.connector.SourceException;
import io.truecount.connector.SyncSink;
import io.truecount.connector.SyncStats;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.LicenseCount;
import io.truecount.core.observation.TimeEntry;
import io.truecount.core.observation.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs one sync of one source: opens a run, streams the connector's pages into PostgreSQL as they arrive, and closes
 * the run as SUCCEEDED or FAILED. Called by the sync routes, never directly by schedules or commands.
 */
@Service
public class SyncService {

    private static final Logger log = LoggerFactory.getLogger(SyncService.class);
    private static final long PROGRESS_INTERVAL_NANOS = Duration.ofSeconds(2).toNanos();

    private final ObservationRepository repository;
    private final SourceConnectors connectors;
    private final List<SyncProgress> listeners;
    private final Clock clock;

    SyncService(
            ObservationRepository repository, SourceConnectors connectors, List<SyncProgress> listeners, Clock clock) {
        this.repository = repository;
        this.connectors = connectors;
        this.listeners = listeners;
        this.clock = clock;
    }

    public SyncResult sync(String connectorId) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        long runId = repository.startRun(connectorId, started);
        try (Correlation ids = Correlation.of("connector", connectorId, "run", Long.toString(runId))) {
            log.info("sync of {} started (run {})", connectorId, runId);
            SyncStats stats = new SyncStats();
            String error = null;
            try {
                connectors.get(connectorId).sync(new StoringSink(runId, connectorId, stats, startNanos), stats);
            } catch (SourceException e) {
                error = e.getMessage();
            } catch (RuntimeException e) {
                // Not the vendor's fault (a bug, the database): still a failed run, never a partial success.
                log.error("sync of {} failed unexpectedly", connectorId, e);
                error = connectorId + ": unexpected error: " + e;
            }
            repository.finishRun(runId, clock.instant(), stats, error);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            SyncResult result = new SyncResult(connectorId, runId, error, stats, elapsed);
            if (error == null) {
                log.info("sync of {} succeeded: {} records in {} ms", connectorId, stats.records(), elapsed.toMillis());
            } else {
                // INFO, not WARN: the one-shot commands (logging at WARN) report a failed source themselves, once.
                log.info("sync of {} failed after {} ms: {}", connectorId, elapsed.toMillis(), error);
            }
            listeners.forEach(l -> l.finished(result));
            return result;
        }
    }

    /**
     * Writes each page as it comes; the connector forgets it after handing it over. Connectors may call it from several
     * threads (organizations read concurrently): every method is one statement on a pooled connection.
     */
    private final class StoringSink implements SyncSink {
        private final long runId;
        private final String connectorId;
        private final SyncStats stats;
        private final long startNanos;
        private final Map<String, String> cursors;
        private final AtomicLong lastRecorded = new AtomicLong(System.nanoTime());

        StoringSink(long runId, String connectorId, SyncStats stats, long startNanos) {
            this.runId = runId;
            this.cursors = Map.copyOf(repository.cursors(runId));
            this.connectorId = connectorId;
            this.stats = stats;
            this.startNanos = startNanos;
        }

        @Override
        public void organizations(List<ExternalOrganization> page) {
            repository.saveOrganizations(runId, page);
            progress();
        }

        @Override
        public void assets(List<AssetObservation> page) {
            repository.saveAssets(runId, page);
            progress();
        }

        @Override
        public void licenses(List<LicenseCount> page) {
            repository.saveLicenses(runId, page);
            progress();
        }

        @Override
        public void users(List<UserAccount> page) {
            repository.saveUsers(runId, page);
            progress();
        }

        @Override
        public void timeEntries(List<TimeEntry> page) {
            repository.stageTimeEntries(runId, page);
            progress();
        }

        @Override
        public void timeEntriesDeleted(List<String> externalIds) {
            repository.stageTimeEntryDeletions(runId, externalIds);
            progress();
        }

        @Override
        public void usersCarriedForward(String organizationId) {
            repository.carryUsersForward(runId, organizationId);
        }

        @Override
        public void usersRemoved(String organizationId, List<String> externalIds) {
            repository.removeUsers(runId, organizationId, externalIds);
            progress();
        }

        @Override
        public void timeEntriesSeen(List<String> externalIds) {
            repository.stageTimeEntriesSeen(runId, externalIds);
            progress();
        }

        @Override
        public void timeEntriesComplete(Instant from) {
            repository.timeEntriesComplete(runId, from);
        }

        @Override
        public Map<String, String> cursors() {
            return cursors;
        }

        @Override
        public void saveCursor(String key, String value) {
            repository.saveCursor(runId, key, value);
        }

        @Override
        public void organizationFailed(String organizationId, String error) {
            // Not the run's failure: the customers mapped to this organization fail, the others are billed.
            log.warn("{}: {}", connectorId, error);
            repository.saveOrganizationError(runId, organizationId, error);
        }

        private void progress() {
            long now = System.nanoTime();
            Duration elapsed = Duration.ofNanos(now - startNanos);
            listeners.forEach(l -> l.page(connectorId, stats, elapsed));
            long last = lastRecorded.get();
            if (now - last >= PROGRESS_INTERVAL_NANOS && lastRecorded.compareAndSet(last, now)) {
                // The run's row shows its counters while it runs, for whoever watches (the API, another instance).
                repository.recordProgress(runId, stats);
            }
        }
    }
}
