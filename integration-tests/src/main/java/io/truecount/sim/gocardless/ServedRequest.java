package io.truecount.sim.gocardless;

import java.time.Instant;

/**
 * One request the simulator answered.
 *
 * @param at when it arrived, on the simulator's clock (before any {@link io.truecount.sim.vendor.Mode#SLOW} delay)
 * @param query the raw query string, empty when none
 * @param idempotencyKey the request's {@code Idempotency-Key}, or null
 */
public record ServedRequest(
        Endpoint endpoint, String method, Instant at, int status, String query, String idempotencyKey) {}
