package io.truecount.connector.connectwise;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * What one run reads, decided from the cursors the last successful run saved: everything (no watermark yet, or the
 * last full read is older than {@code full-sync-hours}), or only the entries whose {@code lastUpdated} moved past the
 * watermark, followed by an id-only sweep of recent entries that finds deletions (ConnectWise has no deleted-entries
 * feed).
 *
 * @param watermark the {@code lastUpdated} to read past; null for a full read
 * @param lastFullRead when the last full read ran; null before the first
 * @param sweepFrom the start of the deletion sweep: the first day of the month {@code sweep-months} before this one
 */
record SyncPlan(Instant watermark, Instant lastFullRead, Instant sweepFrom) {

    /** Cursor key of the highest {@code _info/lastUpdated} delivered. */
    static final String LAST_UPDATED = "lastUpdated";

    /** Cursor key of when the last full read started. */
    static final String FULL_READ_AT = "fullReadAt";

    /**
     * Read back this far before the watermark: an entry saved while we paged, or stamped by a server clock slightly
     * behind, may carry a {@code lastUpdated} just below the highest one we saw. Upserts are idempotent, so re-reading
     * a few entries costs nothing.
     */
    static final Duration OVERLAP = Duration.ofMinutes(5);

    static SyncPlan of(Map<String, String> cursors, Instant now, int fullSyncHours, int sweepMonths) {
        Instant sweepFrom = YearMonth.from(now.atZone(ZoneOffset.UTC))
                .minusMonths(sweepMonths)
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Instant watermark = parse(cursors.get(LAST_UPDATED));
        Instant lastFullRead = parse(cursors.get(FULL_READ_AT));
        boolean fullDue = lastFullRead == null
                || fullSyncHours > 0
                        && !lastFullRead.plus(Duration.ofHours(fullSyncHours)).isAfter(now);
        return new SyncPlan(fullDue ? null : watermark, lastFullRead, sweepFrom);
    }

    boolean full() {
        return watermark == null;
    }

    /** The {@code conditions} of the changed-entries read; null for a full read. */
    String changedSince() {
        return full() ? null : "lastUpdated > " + date(watermark.minus(OVERLAP));
    }

    /** The {@code conditions} of the deletion sweep. */
    String sweep() {
        return "timeStart >= " + date(sweepFrom);
    }

    /** ConnectWise's condition syntax puts dates in brackets, whole seconds in UTC. */
    static String date(Instant instant) {
        return "[" + instant.truncatedTo(ChronoUnit.SECONDS) + "]";
    }

    /** A cursor this connector wrote; anything else (an older format) means start over with a full read. */
    private static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
