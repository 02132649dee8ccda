package io.truecount.connector.http;

import io.truecount.connector.ConnectorSettings;
import java.time.Duration;
import java.util.Set;

/**
 * The retry, timeout and circuit-breaker tunables every connector accepts in its {@code options}, with their defaults.
 *
 * @param maxAttempts attempts per request, the first included ({@value #MAX_ATTEMPTS}, default 5)
 * @param initialBackoff wait before the first retry of a server error, doubled per retry ({@value #BACKOFF_MILLIS})
 * @param maxWait cap on any single wait, whether backoff or a vendor's {@code Retry-After} ({@value #MAX_WAIT_SECONDS})
 * @param timeout connect and response timeout of one request ({@value #TIMEOUT_SECONDS})
 * @param circuitMinimumCalls calls the breaker needs to see before it may open ({@value #CIRCUIT_MINIMUM_CALLS})
 * @param circuitOpen how long an open breaker refuses calls before letting a few through ({@value #CIRCUIT_OPEN_SECONDS})
 */
public record ResilienceOptions(
        int maxAttempts,
        Duration initialBackoff,
        Duration maxWait,
        Duration timeout,
        int circuitMinimumCalls,
        Duration circuitOpen) {

    public static final String MAX_ATTEMPTS = "retry.max-attempts";
    public static final String BACKOFF_MILLIS = "retry.backoff-millis";
    public static final String MAX_WAIT_SECONDS = "retry.max-wait-seconds";
    public static final String TIMEOUT_SECONDS = "timeout-seconds";
    public static final String CIRCUIT_MINIMUM_CALLS = "circuit.minimum-calls";
    public static final String CIRCUIT_OPEN_SECONDS = "circuit.open-seconds";

    /** The option keys read here; a connector type adds its own. */
    public static final Set<String> KEYS = Set.of(
            MAX_ATTEMPTS,
            BACKOFF_MILLIS,
            MAX_WAIT_SECONDS,
            TIMEOUT_SECONDS,
            CIRCUIT_MINIMUM_CALLS,
            CIRCUIT_OPEN_SECONDS);

    public ResilienceOptions {
        requirePositive(maxAttempts, MAX_ATTEMPTS);
        requirePositive(initialBackoff.toMillis(), BACKOFF_MILLIS);
        requirePositive(maxWait.toSeconds(), MAX_WAIT_SECONDS);
        requirePositive(timeout.toSeconds(), TIMEOUT_SECONDS);
        requirePositive(circuitMinimumCalls, CIRCUIT_MINIMUM_CALLS);
        requirePositive(circuitOpen.toSeconds(), CIRCUIT_OPEN_SECONDS);
    }

    public static ResilienceOptions of(ConnectorSettings settings) {
        int maxAttempts = settings.intOption(MAX_ATTEMPTS, 5);
        int backoffMillis = settings.intOption(BACKOFF_MILLIS, 500);
        int maxWaitSeconds = settings.intOption(MAX_WAIT_SECONDS, 120);
        int timeoutSeconds = settings.intOption(TIMEOUT_SECONDS, 60);
        int circuitMinimumCalls = settings.intOption(CIRCUIT_MINIMUM_CALLS, 10);
        int circuitOpenSeconds = settings.intOption(CIRCUIT_OPEN_SECONDS, 60);
        try {
            return new ResilienceOptions(
                    maxAttempts,
                    Duration.ofMillis(backoffMillis),
                    Duration.ofSeconds(maxWaitSeconds),
                    Duration.ofSeconds(timeoutSeconds),
                    circuitMinimumCalls,
                    Duration.ofSeconds(circuitOpenSeconds));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("connector " + settings.id() + ": " + e.getMessage(), e);
        }
    }

    private static void requirePositive(long value, String key) {
        if (value < 1) {
            throw new IllegalArgumentException("option '" + key + "' must be at least 1, not " + value);
        }
    }
}
