package io.truecount.app.config;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The configuration the application runs on now. A reload ({@link ConfigReloader}) replaces it as a whole, so a unit
 * of work (a sync, a cycle, a push) reads it once with {@link #get()} and keeps that snapshot: it never sees half of
 * an old file and half of a new one.
 */
public final class ActiveConfig {

    private final AtomicReference<TruecountConfig> current;

    private ActiveConfig(TruecountConfig initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    public static ActiveConfig of(TruecountConfig initial) {
        return new ActiveConfig(initial);
    }

    public TruecountConfig get() {
        return current.get();
    }

    /** @return the configuration replaced */
    TruecountConfig replace(TruecountConfig next) {
        return current.getAndSet(Objects.requireNonNull(next, "next"));
    }
}
