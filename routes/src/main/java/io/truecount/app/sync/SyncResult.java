package io.truecount.app.sync;

import io.truecount.connector.SyncStats;
import java.time.Duration;

/**
 * How one sync of one source ended.
 *
 * @param error null on success; otherwise one admin-readable line (connector, URL, page, vendor error)
 */
public record SyncResult(String connectorId, long runId, String error, SyncStats stats, Duration elapsed) {

    public boolean succeeded() {
        return error == null;
    }
}
