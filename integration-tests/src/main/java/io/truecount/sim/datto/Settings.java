package io.truecount.sim.datto;

import java.time.Clock;
import java.time.Duration;

/**
 * How a simulator behaves.
 *
 * @param apiKey the API key accepted as the password grant's username
 * @param apiSecret the API secret accepted as its password
 * @param throttleEvery N of {@link io.truecount.sim.vendor.Mode#THROTTLE}
 * @param flakyEvery N of {@link io.truecount.sim.vendor.Mode#FLAKY_5XX}
 * @param tokenRequestLimit K of {@link io.truecount.sim.vendor.Mode#TOKEN_EXPIRY}
 * @param slowDelay the delay of {@link io.truecount.sim.vendor.Mode#SLOW}
 * @param clock decides token expiry, the IP block and request timestamps
 */
record Settings(
        String apiKey,
        String apiSecret,
        Duration tokenLifetime,
        int throttleEvery,
        int flakyEvery,
        int tokenRequestLimit,
        Duration slowDelay,
        Clock clock) {}
