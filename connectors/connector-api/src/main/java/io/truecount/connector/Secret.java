package io.truecount.connector;

import java.util.Objects;

/**
 * A credential value resolved from an environment variable or a {@code file:} reference. It never prints itself:
 * {@link #toString()} names only where it came from, so a secret cannot leak through a log line or an error message.
 */
public final class Secret {

    private final String value;
    private final String origin;

    /**
     * @param value the secret itself
     * @param origin where it came from, safe to show ({@code env NINJA_SECRET}, {@code file /run/secrets/ninja})
     */
    public Secret(String value, String origin) {
        this.value = Objects.requireNonNull(value, "value");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** The secret itself; only for putting on the wire. */
    public String reveal() {
        return value;
    }

    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "Secret(" + origin + ")";
    }
}
