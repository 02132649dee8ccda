package io.truecount.sim.atera;

/**
 * How the simulator misbehaves; switched at runtime with {@link AteraSimulator#mode(Mode)}. Every request is a data
 * request: Atera has no token endpoint.
 */
public enum Mode {
    /** Every request is answered correctly. */
    NORMAL,
    /** Every Nth request answers 429 with {@code Retry-After: 1}; the request after a 429 succeeds. */
    THROTTLE,
    /** Every request fails, alternately 503 (an HTML gateway page) and 500. */
    FAIL_5XX,
    /** Every Nth request answers 503 once; the request after it succeeds. */
    FLAKY_5XX,
    /** The second agents page is cut off mid-JSON, on every attempt. */
    MALFORMED_PAGE,
    /** Every response is delayed by the configured amount. */
    SLOW
}
