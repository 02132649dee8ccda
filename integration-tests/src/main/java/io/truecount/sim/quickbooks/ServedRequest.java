package io.truecount.sim.quickbooks;

import java.time.Instant;

/**
 * One request the simulator answered.
 *
 * @param at when it arrived, on the simulator's clock (before any {@link io.truecount.sim.vendor.Mode#SLOW} delay)
 * @param query the raw query string, empty when none
 * @param requestId the {@code requestid} parameter, null when absent
 */
public record ServedRequest(
        Endpoint endpoint, String method, String path, Instant at, int status, String query, String requestId) {}
