package io.truecount.sim.atera;

import java.time.Clock;
import java.time.Duration;

/**
 * How a simulator behaves.
 *
 * @param apiKey the only {@code X-API-KEY} accepted
 * @param throttleEvery N of {@link io.truecount.sim.vendor.Mode#THROTTLE}
 * @param flakyEvery N of {@link io.truecount.sim.vendor.Mode#FLAKY_5XX}
 * @param slowDelay the delay of {@link io.truecount.sim.vendor.Mode#SLOW}
 * @param clock stamps requests
 */
record Settings(String apiKey, int throttleEvery, int flakyEvery, Duration slowDelay, Clock clock) {}
