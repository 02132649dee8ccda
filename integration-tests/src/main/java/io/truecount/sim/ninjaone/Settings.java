package io.truecount.sim.ninjaone;

import java.time.Clock;
import java.time.Duration;

/**
 * How a simulator behaves.
 *
 * @param throttleEvery N of {@link io.truecount.sim.vendor.Mode#THROTTLE}
 * @param flakyEvery N of {@link io.truecount.sim.vendor.Mode#FLAKY_5XX}
 * @param tokenRequestLimit K of {@link io.truecount.sim.vendor.Mode#TOKEN_EXPIRY}
 * @param slowDelay the delay of {@link io.truecount.sim.vendor.Mode#SLOW}
 * @param clock decides token expiry and request timestamps
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
