package io.truecount.app.cli;

import io.truecount.app.sync.SyncProgress;
import io.truecount.app.sync.SyncResult;
import io.truecount.connector.SyncStats;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sync progress for a person watching a terminal: at most one line per connector per second, then its outcome. */
final class StderrProgress implements SyncProgress {

    private static final long INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private final PrintWriter err;
    private final Map<String, Long> lastPrinted = new ConcurrentHashMap<>();

    StderrProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void page(String connectorId, SyncStats stats, Duration elapsed) {
        long now = System.nanoTime();
        Long last = lastPrinted.get(connectorId);
        if (last == null || now - last >= INTERVAL_NANOS) {
            lastPrinted.put(connectorId, now);
            print("%s: %d pages, %d records, %s", connectorId, stats.pages(), stats.records(), seconds(elapsed));
        }
    }

    @Override
    public void finished(SyncResult result) {
        SyncStats s = result.stats();
        if (result.succeeded()) {
            print(
                    "%s: done, %d pages, %d records, %d requests, %d retries, %d throttled, %s",
                    result.connectorId(),
                    s.pages(),
                    s.records(),
                    s.requests(),
                    s.retries(),
                    s.throttles(),
                    seconds(result.elapsed()));
        } else {
            print("%s: FAILED after %s: %s", result.connectorId(), seconds(result.elapsed()), result.error());
        }
    }

    private synchronized void print(String format, Object... args) {
        err.printf(format + "%n", args);
        err.flush();
    }

    static String seconds(Duration d) {
        return String.format("%.1fs", d.toMillis() / 1000.0);
    }
}
