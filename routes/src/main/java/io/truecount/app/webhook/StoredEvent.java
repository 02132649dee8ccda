package io.truecount.app.webhook;

import java.time.Instant;

/**
 * One inbox row.
 *
 * @param state RECEIVED (to process), PROCESSED, or DEAD (a dead letter)
 * @param outcome what processing did, in words (PROCESSED), else null
 */
public record StoredEvent(
        long id,
        String connectorId,
        String eventId,
        String type,
        byte[] payload,
        String state,
        int attempts,
        Instant receivedAt,
        String outcome,
        String lastError) {}
