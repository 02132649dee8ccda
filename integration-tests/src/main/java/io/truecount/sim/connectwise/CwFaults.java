package io.truecount.sim.connectwise;

import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.Reply;

/**
 * The shared fault cadence, plus what {@link Mode#TOKEN_EXPIRY} means for a vendor without tokens. ConnectWise
 * API-member keys do not expire; what an integration does meet is a lone 401 in a long read while the vendor's
 * key cache reloads. So in this mode every Kth data request answers 401 once, never two in a row, and the same keys
 * work again on the next request.
 */
final class CwFaults extends Faults {

    private final int authBlipEvery;
    private int requests;
    private boolean lastBlipped;

    CwFaults(int throttleEvery, int flakyEvery, int authBlipEvery) {
        super(
                throttleEvery,
                flakyEvery,
                ConnectWiseApi.json(429, ConnectWiseJson.error("TooManyRequests", "Rate limit exceeded")),
                ConnectWiseApi.json(500, ConnectWiseJson.error("InternalServerError", "An error has occurred")));
        this.authBlipEvery = authBlipEvery;
    }

    @Override
    public synchronized void switchTo(Mode newMode) {
        super.switchTo(newMode);
        requests = 0;
        lastBlipped = false;
    }

    /** The 401 this data request gets in {@link Mode#TOKEN_EXPIRY}, or null. */
    synchronized Reply authBlip() {
        if (mode() != Mode.TOKEN_EXPIRY) {
            return null;
        }
        requests++;
        if (lastBlipped) {
            lastBlipped = false;
            return null;
        }
        lastBlipped = requests % authBlipEvery == 0;
        return lastBlipped ? ConnectWiseApi.unauthorized() : null;
    }
}
