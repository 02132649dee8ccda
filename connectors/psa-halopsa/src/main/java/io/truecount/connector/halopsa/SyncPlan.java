package io.truecount.connector.halopsa;

import io.truecount.connector.SyncSink;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Whether a run reads the whole instance or only the tickets with actions since the last run, decided from the cursors
 * of the last successful run.
 *
 * <p>An incremental run cannot see deleted actions: Halo has no deletion feed, and the sink can only be told that a
 * run met every entry from an instant on ({@link SyncSink#timeEntriesComplete}), not every entry of one ticket. So a
 * full read, which can, runs whenever the last one is {@code full-sync-hours} old.
 *
 * @param full read every ticket and action
 * @param watermark incremental runs read the tickets whose {@code lastactiondate} is at or after it; null when full
 * @param lastFullRead when the last full read started; this run's start when it is one
 * @param started when this run started, on the runtime clock
 */
record SyncPlan(boolean full, Instant watermark, Instant lastFullRead, Instant started) {

    /** The {@code lastactiondate} the next run reads from. */
    static final String WATERMARK = "lastactiondate";
    /** When the last full read started. */
    static final String FULL_READ = "full-read";
    /**
     * The next run reads from a little before this one started: an action saved while this run was reading, or stamped
     * by a Halo server whose clock is a few minutes behind ours, is read again rather than missed.
     */
    static final Duration OVERLAP = Duration.ofMinutes(10);

    private static final DateTimeFormatter START_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    static SyncPlan decide(Map<String, String> cursors, Instant started, Duration fullSyncEvery) {
        Instant watermark = instant(cursors.get(WATERMARK));
        Instant lastFullRead = instant(cursors.get(FULL_READ));
        boolean full = watermark == null || lastFullRead == null || !started.isBefore(lastFullRead.plus(fullSyncEvery));
        return full
                ? new SyncPlan(true, null, started, started)
                : new SyncPlan(false, watermark, lastFullRead, started);
    }

    /** Saves both cursors for the next run; they are kept only if this run succeeds. */
    void save(SyncSink sink) {
        sink.saveCursor(
                WATERMARK,
                started.minus(OVERLAP).truncatedTo(ChronoUnit.SECONDS).toString());
        sink.saveCursor(FULL_READ, lastFullRead.toString());
    }

    /** {@code startdate} as Halo's date search takes it: a UTC date-time without offset. */
    String startDate() {
        return START_DATE.format(LocalDateTime.ofInstant(watermark, ZoneOffset.UTC));
    }

    /** A cursor this connector saved; null when absent or not an instant (the run then reads in full). */
    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
