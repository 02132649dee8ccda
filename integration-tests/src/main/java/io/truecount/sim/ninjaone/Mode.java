package io.truecount.sim.ninjaone;

/**
 * How the simulator misbehaves; switched at runtime with {@link NinjaOneSimulator#mode(Mode)}. "Data requests" are
 * requests to {@code /v2/organizations} and {@code /v2/devices-detailed}; the token endpoint is never faulted.
 */
public enum Mode {
    /** Every request is answered correctly. */
    NORMAL,
    /** Every Nth data request answers 429 with {@code Retry-After: 1}; the request after a 429 succeeds. */
    THROTTLE,
    /** Every data request fails, alternately 503 (an HTML gateway page) and 500. */
    FAIL_5XX,
    /** Every Nth data request answers 503 once; the request after it succeeds. */
    FLAKY_5XX,
    /** A token stops working after K data requests made in this mode (401); a new token works for K more. */
    TOKEN_EXPIRY,
    /** The second devices page (the one after a full first page) is cut off mid-JSON, on every attempt. */
    MALFORMED_PAGE,
    /** Every response, token included, is delayed by the configured amount. */
    SLOW
}
