package io.truecount.sim.datto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The current {@link Mode} and the cadence of the failures it injects into data requests. */
final class Faults {

    /** What Datto's 429 asks for; coming back sooner is what earns the IP block. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final int throttleEvery;
    private final int flakyEvery;
    private final Clock clock;
    private Mode mode = Mode.NORMAL;
    private int dataRequests;
    private boolean lastFailed;
    private Instant blockedUntil = Instant.MIN;

    Faults(int throttleEvery, int flakyEvery, Clock clock) {
        this.throttleEvery = throttleEvery;
        this.flakyEvery = flakyEvery;
        this.clock = clock;
    }

    synchronized Mode mode() {
        return mode;
    }

    synchronized void switchTo(Mode newMode) {
        mode = newMode;
        dataRequests = 0;
        lastFailed = false;
        blockedUntil = Instant.MIN;
    }

    /** The failure the next data request gets in the current mode, or null when it is to be served. */
    synchronized Reply nextDataRequest() {
        dataRequests++;
        return switch (mode) {
            case THROTTLE -> throttle();
            case FLAKY_5XX -> everyNth(flakyEvery) ? Reply.gatewayPage(503, "Service Temporarily Unavailable") : null;
            case FAIL_5XX ->
                dataRequests % 2 == 1
                        ? Reply.gatewayPage(503, "Service Temporarily Unavailable")
                        : Reply.apiError(500, "Internal Server Error", "Unexpected error");
            default -> null;
        };
    }

    private Reply throttle() {
        Instant now = clock.instant();
        if (now.isBefore(blockedUntil)) {
            return Reply.apiError(403, "Forbidden", "Your IP address has been temporarily blocked");
        }
        if (everyNth(throttleEvery)) {
            blockedUntil = now.plus(RETRY_AFTER);
            return Reply.apiError(429, "Too Many Requests", "Request rate limit exceeded")
                    .withHeader("Retry-After", Long.toString(RETRY_AFTER.toSeconds()));
        }
        return null;
    }

    /** Fails the Nth, 2Nth, ... request, but never two in a row, so a single retry always gets through. */
    private boolean everyNth(int n) {
        if (lastFailed) {
            lastFailed = false;
            return false;
        }
        lastFailed = dataRequests % n == 0;
        return lastFailed;
    }
}
