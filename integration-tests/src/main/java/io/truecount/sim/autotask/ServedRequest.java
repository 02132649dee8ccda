package io.truecount.sim.autotask;

import java.time.Instant;

/**
 * One request the simulator answered.
 *
 * @param method {@code GET} or {@code POST}
 * @param at when it arrived, on the simulator's clock
 * @param page 1 for a query, 2 and up for the pages followed through {@code nextPageUrl}; 0 for other requests
 * @param items the records the answer held (0 for errors and non-queries)
 * @param query the query body as sent, or as carried in the next-page link; empty for other requests
 */
public record ServedRequest(
        Endpoint endpoint, String method, String path, Instant at, int status, int page, int items, String query) {}
