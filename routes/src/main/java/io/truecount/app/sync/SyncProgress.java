package io.truecount.app.sync;

import io.truecount.connector.SyncStats;
import java.time.Duration;

/** Watches syncs as they run: the CLI prints to stderr, the server logs. Called from the syncing thread. */
public interface SyncProgress {

    /** A page was stored. */
    void page(String connectorId, SyncStats stats, Duration elapsed);

    void finished(SyncResult result);
}
