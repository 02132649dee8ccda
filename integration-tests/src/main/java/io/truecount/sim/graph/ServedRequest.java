package io.truecount.sim.graph;

import java.time.Instant;

/**
 * One request the simulator answered.
 *
 * @param tenant the tenant it was for: the token path's segment, or the tenant of the bearer token; null when the
 *     token was not valid
 * @param at when it arrived, on the simulator's clock (before any {@link io.truecount.sim.vendor.Mode#SLOW} delay)
 * @param query the raw query string, empty when none
 */
public record ServedRequest(Endpoint endpoint, String tenant, String path, Instant at, int status, String query) {}
