package io.truecount.sim.stripe;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * How a simulator behaves.
 *
 * @param apiKey the only Bearer key accepted
 * @param webhookSecret what {@link StripeSimulator#pay} signs its event with
 * @param failAfterApply the endpoints whose writes, in the 5xx modes, are applied (and their answer kept for the
 *     idempotency key) before the 5xx replaces the answer: "Stripe has it, the client never heard". When not empty,
 *     requests to other endpoints are served normally in those modes, so a test can lose exactly one step.
 */
record Settings(
        String apiKey,
        String webhookSecret,
        Set<Endpoint> failAfterApply,
        int throttleEvery,
        int flakyEvery,
        Duration slowDelay,
        Clock clock) {}
