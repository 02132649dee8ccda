package io.truecount.sim.autotask;

import java.time.Clock;
import java.time.Duration;

/**
 * How a simulator behaves.
 *
 * @param username the API user, also what zone discovery answers for
 * @param secret the API user's secret
 * @param integrationCode the tracking identifier ({@code ApiIntegrationCode})
 * @param hourlyLimit requests per rolling hour the database allows all integrations together (Autotask: 10,000)
 * @param throttleLatency what {@link io.truecount.sim.vendor.Mode#THROTTLE} adds to every data request, as Autotask
 *     does above half of the hourly limit
 * @param secretRequestLimit K of {@link io.truecount.sim.vendor.Mode#TOKEN_EXPIRY}
 */
record Settings(
        String username,
        String secret,
        String integrationCode,
        int hourlyLimit,
        Duration throttleLatency,
        int throttleEvery,
        int flakyEvery,
        int secretRequestLimit,
        Duration slowDelay,
        Clock clock) {}
