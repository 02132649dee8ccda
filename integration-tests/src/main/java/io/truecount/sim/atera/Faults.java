package io.truecount.sim.atera;

/** The current {@link Mode} and the cadence of the failures it injects. */
final class Faults {

    private final int throttleEvery;
    private final int flakyEvery;
    private Mode mode = Mode.NORMAL;
    private int requests;
    private boolean lastFailed;

    Faults(int throttleEvery, int flakyEvery) {
        this.throttleEvery = throttleEvery;
        this.flakyEvery = flakyEvery;
    }

    synchronized Mode mode() {
        return mode;
    }

    synchronized void switchTo(Mode newMode) {
        mode = newMode;
        requests = 0;
        lastFailed = false;
    }

    /** The failure the next authorized request gets in the current mode, or null when it is to be served. */
    synchronized Reply nextRequest() {
        requests++;
        return switch (mode) {
            case THROTTLE ->
                everyNth(throttleEvery) ? Reply.error(429, "Too many requests").withHeader("Retry-After", "1") : null;
            case FLAKY_5XX -> everyNth(flakyEvery) ? Reply.gatewayPage(503, "Service Temporarily Unavailable") : null;
            case FAIL_5XX ->
                requests % 2 == 1
                        ? Reply.gatewayPage(503, "Service Temporarily Unavailable")
                        : Reply.error(500, "An error has occurred.");
            default -> null;
        };
    }

    /** Fails the Nth, 2Nth, ... request, but never two in a row, so a single retry always gets through. */
    private boolean everyNth(int n) {
        if (lastFailed) {
            lastFailed = false;
            return false;
        }
        lastFailed = requests % n == 0;
        return lastFailed;
    }
}
