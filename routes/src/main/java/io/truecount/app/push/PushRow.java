package io.truecount.app.push;

import java.time.Instant;

/**
 * One push as stored.
 *
 * @param externalId the vendor's id once CONFIRMED, else null
 * @param nextAttemptAt when a worker may next take it (PENDING, UNKNOWN)
 */
public record PushRow(
        long id,
        String invoiceNumber,
        String connectorId,
        String key,
        PushState state,
        int attempts,
        Instant nextAttemptAt,
        String externalId,
        String externalNumber,
        String externalUrl,
        String lastError) {}
