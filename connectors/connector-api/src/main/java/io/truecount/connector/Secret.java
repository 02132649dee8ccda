package io.truecount.connector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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

    /**
     * Equal when both the value and its origin are: a configuration reload then sees a connector as unchanged when its
     * secrets are, and keeps its cached tokens. Compared in constant time, like every other secret comparison.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
                && origin.equals(that.origin)
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    /** From the origin only: a hash of the value would be a fingerprint of the secret. */
    @Override
    public int hashCode() {
        return origin.hashCode();
    }

    @Override
    public String toString() {
        return "Secret(" + origin + ")";
    }
}
