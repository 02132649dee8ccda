package io.truecount.connector.http;

import io.github.resilience4j.core.functions.Either;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The one place that decides what a vendor's answer means. Throttling (429) is retried after the {@code Retry-After}
 * the vendor asked for; server errors, refused connections and timeouts are retried with exponential backoff and
 * jitter; any other 4xx is final, because asking again cannot change the answer. Only server errors and transport
 * failures count against the circuit breaker: a 429 is the vendor pacing us, not an outage.
 */
final class ErrorPolicy {

    private static final int TOO_MANY_REQUESTS = 429;
    private static final int SERVICE_UNAVAILABLE = 503;

    private final ResilienceOptions options;
    private final Clock clock;
    private final DoubleSupplier random;

    /**
     * @param random values in [0, 1) that spread retries of many connectors apart
     */
    ErrorPolicy(ResilienceOptions options, Clock clock, DoubleSupplier random) {
        this.options = options;
        this.clock = clock;
        this.random = random;
    }

    boolean isRetryable(HttpResponse response) {
        return response.status() == TOO_MANY_REQUESTS || response.status() >= 500;
    }

    boolean isRetryable(Throwable failure) {
        return failure instanceof TransportException;
    }

    boolean isThrottled(HttpResponse response) {
        return response.status() == TOO_MANY_REQUESTS;
    }

    /** Whether the outcome counts as a failure of the vendor for the circuit breaker. */
    boolean isOutage(Object outcome) {
        return outcome instanceof HttpResponse response && response.status() >= 500
                || outcome instanceof TransportException;
    }

    /** How long to wait before retry number {@code retry} (1 for the first) after this outcome. */
    Duration waitBefore(int retry, Either<Throwable, HttpResponse> outcome) {
        if (outcome.isRight()) {
            Optional<Duration> asked = retryAfter(outcome.get());
            if (asked.isPresent()) {
                return atLeastOneMilli(min(asked.get(), options.maxWait()));
            }
        }
        return backoff(retry);
    }

    /**
     * The wait the vendor asked for in {@code Retry-After} (RFC 9110 §10.2.3: delay-seconds or an HTTP-date), on a 429
     * or on a 503, which may carry one too.
     */
    Optional<Duration> retryAfter(HttpResponse response) {
        String value = response.header("Retry-After");
        if (value == null
                || value.isBlank()
                || response.status() != TOO_MANY_REQUESTS && response.status() != SERVICE_UNAVAILABLE) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            long millis = new BigDecimal(text).movePointRight(3).longValue();
            return Optional.of(Duration.ofMillis(Math.max(0, millis)));
        } catch (NumberFormatException | ArithmeticException notSeconds) {
            return httpDate(text);
        }
    }

    /** Exponential backoff from the initial wait, randomised to between half and one and a half times, capped. */
    Duration backoff(int retry) {
        double exponential = options.initialBackoff().toMillis() * Math.pow(2, Math.max(0, retry - 1));
        double jittered = exponential * (0.5 + random.getAsDouble());
        long capped = (long) Math.min(jittered, options.maxWait().toMillis());
        return atLeastOneMilli(Duration.ofMillis(capped));
    }

    private Optional<Duration> httpDate(String text) {
        try {
            ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration atLeastOneMilli(Duration wait) {
        return wait.toMillis() < 1 ? Duration.ofMillis(1) : wait;
    }
}
