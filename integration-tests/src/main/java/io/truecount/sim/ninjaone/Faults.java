package io.truecount.sim.ninjaone;

/** The current {@link Mode} and the cadence of the failures it injects into data requests. */
final class Faults {

    private final int throttleEvery;
    private final int flakyEvery;
    private Mode mode = Mode.NORMAL;
    private int dataRequests;
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
        dataRequests = 0;
        lastFailed = false;
    }

    /** The failure the next data request gets in the current mode, or null when it is to be served. */
    synchronized Reply nextDataRequest() {
        dataRequests++;
        return switch (mode) {
            case THROTTLE ->
                everyNth(throttleEvery) ? Reply.error(429, "too_many_requests").withHeader("Retry-After", "1") : null;
            case FLAKY_5XX -> everyNth(flakyEvery) ? Reply.gatewayPage(503, "Service Temporarily Unavailable") : null;
            case FAIL_5XX ->
                dataRequests % 2 == 1
                        ? Reply.gatewayPage(503, "Service Temporarily Unavailable")
                        : Reply.error(500, "internal_server_error");
            default -> null;
        };
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
