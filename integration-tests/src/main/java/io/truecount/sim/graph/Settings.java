package io.truecount.sim.graph;

import java.time.Clock;
import java.time.Duration;

/**
 * How a simulator behaves.
 *
 * @param clientId the MSP's multi-tenant app id
 * @param clientSecret its secret, the same in every tenant
 * @param tokenLifetime {@code expires_in} of issued tokens
 * @param tokenRequestLimit K of {@link io.truecount.sim.vendor.Mode#TOKEN_EXPIRY}
 */
record Settings(
        String clientId,
        String clientSecret,
        Duration tokenLifetime,
        int throttleEvery,
        int flakyEvery,
        int tokenRequestLimit,
        Duration slowDelay,
        Clock clock) {}
