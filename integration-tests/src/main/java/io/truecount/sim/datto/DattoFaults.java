package io.truecount.sim.datto;

import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Datto's {@link Mode#THROTTLE}: as Datto does, a client that comes back before the 429's {@code Retry-After} second
 * has passed gets 403 (a temporary IP block) instead; one that waits is served.
 */
final class DattoFaults extends Faults {

    /** What Datto's 429 asks for; coming back sooner is what earns the IP block. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Clock clock;
    private Instant blockedUntil = Instant.MIN;

    DattoFaults(int throttleEvery, int flakyEvery, Clock clock) {
        super(
                throttleEvery,
                flakyEvery,
                DattoApi.apiError(429, "Too Many Requests", "Request rate limit exceeded"),
                DattoApi.apiError(500, "Internal Server Error", "Unexpected error"));
        this.clock = clock;
    }

    @Override
    public synchronized void switchTo(Mode newMode) {
        super.switchTo(newMode);
        blockedUntil = Instant.MIN;
    }

    @Override
    protected Reply throttle() {
        Instant now = clock.instant();
        if (now.isBefore(blockedUntil)) {
            return DattoApi.apiError(403, "Forbidden", "Your IP address has been temporarily blocked");
        }
        Reply tooManyRequests = super.throttle();
        if (tooManyRequests != null) {
            blockedUntil = now.plus(RETRY_AFTER);
        }
        return tooManyRequests;
    }
}
