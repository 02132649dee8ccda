package io.truecount.sim.vendor;

import java.time.Duration;

/**
 * The builder settings of a simulator that issues bearer tokens, on top of {@link FaultOptions}.
 *
 * @param <B> the vendor's builder, so chained calls keep its own methods
 */
public abstract class TokenOptions<B extends TokenOptions<B>> extends FaultOptions<B> {

    protected Duration tokenLifetime;
    protected int tokenRequestLimit;

    /** The vendor's defaults: how long its tokens last, and K of {@link Mode#TOKEN_EXPIRY}. */
    protected TokenOptions(Duration defaultLifetime, int defaultRequestLimit) {
        this.tokenLifetime = defaultLifetime;
        this.tokenRequestLimit = defaultRequestLimit;
    }

    /** {@code expires_in} of issued tokens, and when they stop working. */
    public B tokenLifetime(Duration lifetime) {
        this.tokenLifetime = positive(lifetime, "token lifetime");
        return self();
    }

    /** K of {@link Mode#TOKEN_EXPIRY}: data requests per token. */
    public B tokenRequestLimit(int k) {
        this.tokenRequestLimit = atLeastOne(k, "tokenRequestLimit");
        return self();
    }
}
