package io.truecount.sim.vendor;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The builder settings every simulator shares: the failure cadence, the {@link Mode#SLOW} delay and the clock.
 * Every one has a default.
 *
 * @param <B> the vendor's builder, so chained calls keep its own methods
 */
public abstract class FaultOptions<B extends FaultOptions<B>> {

    protected int throttleEvery = 3;
    protected int flakyEvery = 3;
    protected Duration slowDelay = Duration.ofSeconds(1);
    protected Clock clock = Clock.systemUTC();

    protected abstract B self();

    /** N of {@link Mode#THROTTLE} (default 3). */
    public B throttleEvery(int n) {
        this.throttleEvery = atLeastOne(n, "throttleEvery");
        return self();
    }

    /** N of {@link Mode#FLAKY_5XX} (default 3). */
    public B flakyEvery(int n) {
        this.flakyEvery = atLeastOne(n, "flakyEvery");
        return self();
    }

    /** Delay of {@link Mode#SLOW} (default 1 s). */
    public B slowDelay(Duration delay) {
        this.slowDelay = positive(delay, "slow delay");
        return self();
    }

    /** The clock requests are stamped with, and tokens expire by (default: system UTC). */
    public B clock(Clock newClock) {
        this.clock = Objects.requireNonNull(newClock, "clock");
        return self();
    }

    protected static int atLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
        return value;
    }

    protected static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}
