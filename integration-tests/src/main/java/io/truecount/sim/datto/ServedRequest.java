package io.truecount.sim.datto;

import java.time.Instant;

/**
 * One request the simulator answered.
 *
 * @param path the request path ({@code /api/v2/site/<uid>/devices} for a site's devices)
 * @param at when it arrived, on the simulator's clock (before any {@link io.truecount.sim.vendor.Mode#SLOW} delay)
 * @param query the raw query string, empty when none
 */
public record ServedRequest(Endpoint endpoint, String path, Instant at, int status, String query) {}
