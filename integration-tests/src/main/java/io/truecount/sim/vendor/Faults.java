package io.truecount.sim.vendor;

import java.util.HashSet;
import java.util.Set;

/**
 * The current {@link Mode} and the cadence of the failures it injects into data requests. A vendor whose throttling
 * goes further than a 429 overrides {@link #throttle()}.
 */
public class Faults {

    private final int throttleEvery;
    private final int flakyEvery;
    private final Reply tooManyRequests;
    private final Reply serverError;
    private Mode mode = Mode.NORMAL;
    private int dataRequests;
    private boolean lastFailed;
    private final Set<String> retrying = new HashSet<>();

    /**
     * @param tooManyRequests the vendor's 429 body; {@code Retry-After: 1} is added here
     * @param serverError the vendor's 500, alternating with a 503 gateway page in {@link Mode#FAIL_5XX}
     */
    public Faults(int throttleEvery, int flakyEvery, Reply tooManyRequests, Reply serverError) {
        this.throttleEvery = throttleEvery;
        this.flakyEvery = flakyEvery;
        this.tooManyRequests = tooManyRequests.withHeader("Retry-After", "1");
        this.serverError = serverError;
    }

    public final synchronized Mode mode() {
        return mode;
    }

    public synchronized void switchTo(Mode newMode) {
        mode = newMode;
        dataRequests = 0;
        lastFailed = false;
        retrying.clear();
    }

    /** The failure the next data request gets in the current mode, or null when it is to be served. */
    public final synchronized Reply nextDataRequest() {
        dataRequests++;
        return switch (mode) {
            case THROTTLE -> throttle();
            case FLAKY_5XX -> everyNth(flakyEvery) ? Reply.gatewayPage(503, "Service Temporarily Unavailable") : null;
            case FAIL_5XX ->
                dataRequests % 2 == 1 ? Reply.gatewayPage(503, "Service Temporarily Unavailable") : serverError;
            default -> null;
        };
    }

    /**
     * As {@link #nextDataRequest()}, but a request that was just throttled or flaked is served when it comes again.
     * The cadence is shared by every client of the simulator: with several tenants synced at once, one request could
     * otherwise land on the failing slot at every retry, which no vendor's cadence does on purpose.
     *
     * @param request what identifies the request, e.g. its method and URL
     */
    public final synchronized Reply nextDataRequest(String request) {
        if (mode != Mode.FAIL_5XX && retrying.remove(request)) {
            dataRequests++;
            return null;
        }
        Reply failure = nextDataRequest();
        if (failure != null && mode != Mode.FAIL_5XX) {
            retrying.add(request);
        }
        return failure;
    }

    /** {@link Mode#THROTTLE} for the current data request; called with this object's lock held. */
    protected Reply throttle() {
        return everyNth(throttleEvery) ? tooManyRequests : null;
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
