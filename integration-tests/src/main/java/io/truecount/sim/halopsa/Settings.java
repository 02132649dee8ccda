package io.truecount.sim.halopsa;

import java.time.Clock;
import java.time.Duration;

/**
 * How a simulator behaves.
 *
 * @param clientId the client-credentials application's id
 * @param clientSecret its secret
 * @param tenant the {@code ?tenant=} a Halo-hosted instance requires on token requests; null for a self-hosted one
 * @param throttleEvery N of {@link io.truecount.sim.vendor.Mode#THROTTLE}
 * @param flakyEvery N of {@link io.truecount.sim.vendor.Mode#FLAKY_5XX}
 * @param tokenRequestLimit K of {@link io.truecount.sim.vendor.Mode#TOKEN_EXPIRY}
 * @param slowDelay the delay of {@link io.truecount.sim.vendor.Mode#SLOW}
 * @param clock decides token expiry, request timestamps and when mutations happen
 */
record Settings(
        String clientId,
        String clientSecret,
        String tenant,
        Duration tokenLifetime,
        int throttleEvery,
        int flakyEvery,
        int tokenRequestLimit,
        Duration slowDelay,
        Clock clock) {}
