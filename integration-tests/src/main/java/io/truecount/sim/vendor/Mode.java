package io.truecount.sim.vendor;

/**
 * How a simulator misbehaves; switched at runtime with {@link VendorSimulator#mode(Mode)}. "Data requests" are the
 * requests for records; a token endpoint is never faulted. Each vendor's simulator documents its own twist (Datto's
 * early retry earns a 403; Atera has no tokens, so no {@link #TOKEN_EXPIRY}).
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
    /** The second page of the vendor's device listing is cut off mid-JSON, on every attempt. */
    MALFORMED_PAGE,
    /** Every response, token included, is delayed by the configured amount. */
    SLOW
}
