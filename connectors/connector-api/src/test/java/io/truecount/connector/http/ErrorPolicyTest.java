package io.truecount.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.core.functions.Either;
import io.truecount.connector.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private final ResilienceOptions options = new ResilienceOptions(
            5, Duration.ofMillis(500), Duration.ofSeconds(120), Duration.ofSeconds(60), 10, Duration.ofSeconds(60));
    private final TestClock clock = new TestClock(NOW);

    private ErrorPolicy policy(double random) {
        return new ErrorPolicy(options, clock, () -> random);
    }

    private static HttpResponse response(int status, String retryAfter) {
        Map<String, String> headers = retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter);
        return new HttpResponse(status, headers, null);
    }

    private Duration waitAfter(int retry, HttpResponse response) {
        return policy(0.5).waitBefore(retry, Either.right(response));
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504})
    void throttlingAndServerErrors_areRetried(int status) {
        assertThat(policy(0.5).isRetryable(response(status, null))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 400, 401, 403, 404, 409, 422})
    void successAndOtherClientErrors_areFinal(int status) {
        assertThat(policy(0.5).isRetryable(response(status, null))).isFalse();
    }

    @Test
    void transportFailure_isRetried_butProgrammingErrorIsNot() {
        assertThat(policy(0.5).isRetryable(new TransportException(new java.net.ConnectException("refused"))))
                .isTrue();
        assertThat(policy(0.5).isRetryable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void onlyServerErrorsAndTransportFailures_countAgainstTheCircuit() {
        assertThat(policy(0.5).isOutage(response(500, null))).isTrue();
        assertThat(policy(0.5).isOutage(new TransportException(new java.io.IOException("reset"))))
                .isTrue();
        assertThat(policy(0.5).isOutage(response(429, null))).isFalse();
        assertThat(policy(0.5).isOutage(response(404, null))).isFalse();
    }

    @Test
    void retryAfterSeconds_isWaitedExactly() {
        assertThat(waitAfter(1, response(429, "7"))).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterHttpDate_isMeasuredFromTheRuntimeClock() {
        assertThat(waitAfter(1, response(429, "Mon, 02 Mar 2026 08:00:42 GMT"))).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void retryAfterDateInThePast_retriesAtOnce() {
        assertThat(waitAfter(1, response(429, "Mon, 02 Mar 2026 07:59:00 GMT"))).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void retryAfterLongerThanMaxWait_isCapped() {
        assertThat(waitAfter(1, response(429, "3600"))).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void retryAfterOnServiceUnavailable_isHonoured() {
        assertThat(waitAfter(3, response(503, "2"))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void unreadableRetryAfter_fallsBackToBackoff() {
        assertThat(waitAfter(1, response(429, "soon"))).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void backoff_doublesPerRetry() {
        assertThat(policy(0.5).backoff(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy(0.5).backoff(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy(0.5).backoff(4)).isEqualTo(Duration.ofMillis(4000));
    }

    @Test
    void backoffJitter_spreadsBetweenHalfAndOneAndAHalfTimes() {
        assertThat(policy(0.0).backoff(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy(0.999).backoff(2)).isEqualTo(Duration.ofMillis(1499));
    }

    @Test
    void backoff_isCappedByMaxWait() {
        assertThat(policy(0.5).backoff(20)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void serverErrorWithoutRetryAfter_backsOff() {
        assertThat(waitAfter(2, response(500, null))).isEqualTo(Duration.ofMillis(1000));
    }
}
