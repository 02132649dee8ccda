package io.truecount.sim.datto;

/**
 * How the simulator misbehaves; switched at runtime with {@link DattoSimulator#mode(Mode)}. "Data requests" are
 * requests for sites and site devices; the token endpoint is never faulted.
 */
public enum Mode {
    /** Every request is answered correctly. */
    NORMAL,
    /**
     * Every Nth data request answers 429 with {@code Retry-After: 1}. As Datto does, a client that comes back before
     * that second has passed gets 403 (a temporary IP block) instead; one that waits is served.
     */
    THROTTLE,
    /** Every data request fails, alternately 503 (an HTML gateway page) and 500. */
    FAIL_5XX,
    /** Every Nth data request answers 503 once; the request after it succeeds. */
    FLAKY_5XX,
    /** A token stops working after K data requests made in this mode (401); a new token works for K more. */
    TOKEN_EXPIRY,
    /** The second page of every site's device listing is cut off mid-JSON, on every attempt. */
    MALFORMED_PAGE,
    /** Every response, token included, is delayed by the configured amount. */
    SLOW
}
