package io.truecount.sim.gocardless;

import java.time.Clock;
import java.time.Duration;

/**
 * How a simulator behaves.
 *
 * @param accessToken the only bearer token accepted
 * @param webhookSecret what deliveries are signed with
 * @param throttleEvery N of {@link io.truecount.sim.vendor.Mode#THROTTLE}
 * @param flakyEvery N of {@link io.truecount.sim.vendor.Mode#FLAKY_5XX}
 * @param slowDelay the delay of {@link io.truecount.sim.vendor.Mode#SLOW}
 * @param clock stamps requests, payments and events
 */
record Settings(
        String accessToken, String webhookSecret, int throttleEvery, int flakyEvery, Duration slowDelay, Clock clock) {}
