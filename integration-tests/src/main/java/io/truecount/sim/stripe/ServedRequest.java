package io.truecount.sim.stripe;

import java.time.Instant;

/**
 * One request the simulator answered.
 *
 * @param endpoint null for a path the simulator does not serve (answered 404)
 * @param at when it arrived, on the simulator's clock (before any {@link io.truecount.sim.vendor.Mode#SLOW} delay)
 * @param idempotencyKey the {@code Idempotency-Key} header, or null
 * @param replayed whether the answer was a kept one ({@code Idempotent-Replayed: true})
 */
public record ServedRequest(
        Endpoint endpoint, Instant at, int status, String idempotencyKey, boolean replayed, String query) {}
