package io.truecount.connector.http;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.SourceUnavailableException;
import io.truecount.connector.SyncStats;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connector's way to a vendor: Camel HTTP behind a Resilience4j retry, circuit breaker and, when the admin set a
 * {@code rate-limit}, a rate limiter. It returns every final answer, including 4xx, and throws only when the vendor
 * could not be reached in a usable way.
 */
public final class ResilientHttp {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientHttp.class);

    private final String connectorId;
    private final CamelHttpTransport transport;
    private final ErrorPolicy policy;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final RateLimiter limiter;
    private final Duration circuitOpen;
    // The status that last made a request fail, so a call refused by the open breaker can still say what went wrong.
    private volatile Integer lastFailedStatus;
    // System.nanoTime() before which no request of this connector may go out: a vendor's Retry-After is about the
    // client, not the one request, and some (Datto RMM) block an address that keeps calling while told to wait.
    private final AtomicLong pausedUntil = new AtomicLong(System.nanoTime());
    private final Duration maxWait;

    ResilientHttp(
            String connectorId,
            CamelHttpTransport transport,
            ErrorPolicy policy,
            ResilienceOptions options,
            Double requestsPerSecond,
            ConnectorRuntime runtime) {
        this.connectorId = connectorId;
        this.transport = transport;
        this.policy = policy;
        this.retry = Retry.of(connectorId, retryConfig(policy, options));
        this.breaker = CircuitBreaker.of(connectorId, breakerConfig(policy, options, runtime));
        this.limiter =
                requestsPerSecond == null ? null : RateLimiter.of(connectorId, pacing(requestsPerSecond, options));
        this.circuitOpen = options.circuitOpen();
        this.maxWait = options.maxWait();
    }

    public static ResilientHttp create(ConnectorSettings settings, ConnectorRuntime runtime) {
        ResilienceOptions options = ResilienceOptions.of(settings);
        ErrorPolicy policy = new ErrorPolicy(
                options, runtime.clock(), () -> ThreadLocalRandom.current().nextDouble());
        CamelHttpTransport transport = new CamelHttpTransport(runtime.camel(), options.timeout());
        return new ResilientHttp(settings.id(), transport, policy, options, settings.requestsPerSecond(), runtime);
    }

    public String connectorId() {
        return connectorId;
    }

    /**
     * Sends the request, retrying as the {@link ErrorPolicy} says, and returns the vendor's final answer, which may be
     * a 4xx. Every attempt counts in {@link SyncStats#request()}, every repeat in {@link SyncStats#retry()}.
     *
     * @throws SourceUnavailableException when retries are exhausted or the circuit breaker is open
     */
    public HttpResponse execute(HttpRequest request, SyncStats stats) {
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<Integer> lastStatus = new AtomicReference<>();
        Supplier<HttpResponse> attempt = () -> {
            if (attempts.getAndIncrement() > 0) {
                stats.retry();
            }
            HttpResponse response = send(request, stats);
            lastStatus.set(response.status());
            return response;
        };
        try {
            HttpResponse last = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, attempt))
                    .get();
            if (policy.isRetryable(last)) {
                throw unavailable(request, lastStatus.get(), "gave up after " + attempts.get() + " attempts", null);
            }
            return last;
        } catch (CallNotPermittedException open) {
            Integer status = lastStatus.get() != null ? lastStatus.get() : lastFailedStatus;
            String problem = "circuit breaker is open after repeated failures, calls are refused for up to "
                    + circuitOpen.toSeconds() + " s";
            throw unavailable(request, status, problem, open);
        } catch (TransportException failure) {
            String problem = "no answer after " + attempts.get() + " attempts (" + failure.getMessage() + ")";
            throw unavailable(request, lastStatus.get(), problem, failure);
        } catch (RequestNotPermitted paced) {
            throw unavailable(request, lastStatus.get(), "rate limiter gave no permit in time", paced);
        }
    }

    private HttpResponse send(HttpRequest request, SyncStats stats) {
        waitOutPause();
        if (limiter != null) {
            RateLimiter.waitForPermission(limiter);
        }
        stats.request();
        HttpResponse response = transport.send(request);
        if (policy.isThrottled(response)) {
            stats.throttled();
            policy.retryAfter(response).ifPresent(this::pause);
        }
        if (policy.isRetryable(response)) {
            lastFailedStatus = response.status();
            // Throttling is the vendor working as designed, not a problem to alert on; a 5xx is worth a warning.
            if (policy.isThrottled(response)) {
                LOG.info("connector '{}': {} answered HTTP {}", connectorId, request, response.status());
            } else {
                LOG.warn("connector '{}': {} answered HTTP {}", connectorId, request, response.status());
            }
        }
        return response;
    }

    /** Every thread of this connector holds back for the wait the vendor asked for (capped by max-wait-seconds). */
    private void pause(Duration asked) {
        Duration wait = asked.compareTo(maxWait) > 0 ? maxWait : asked;
        long until = System.nanoTime() + wait.toNanos();
        pausedUntil.accumulateAndGet(until, Math::max);
    }

    private void waitOutPause() {
        long remaining;
        while ((remaining = pausedUntil.get() - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Math.max(1, remaining / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the vendor asked to wait", e);
            }
        }
    }

    private SourceUnavailableException unavailable(
            HttpRequest request, Integer lastStatus, String problem, Throwable cause) {
        return new SourceUnavailableException(connectorId, request.url().toString(), lastStatus, problem, cause);
    }

    private static RetryConfig retryConfig(ErrorPolicy policy, ResilienceOptions options) {
        return RetryConfig.<HttpResponse>custom()
                .maxAttempts(options.maxAttempts())
                .retryOnResult(policy::isRetryable)
                .retryOnException(policy::isRetryable)
                .intervalBiFunction(
                        (retry, outcome) -> policy.waitBefore(retry, outcome).toMillis())
                .failAfterMaxAttempts(false)
                .build();
    }

    private static CircuitBreakerConfig breakerConfig(
            ErrorPolicy policy, ResilienceOptions options, ConnectorRuntime runtime) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(options.circuitMinimumCalls())
                .minimumNumberOfCalls(options.circuitMinimumCalls())
                .failureRateThreshold(50)
                .recordResult(policy::isOutage)
                .recordException(policy::isOutage)
                .waitDurationInOpenState(options.circuitOpen())
                .clock(runtime.clock())
                .build();
    }

    /** One permit per interval, so requests are spread evenly instead of bursting at the start of each second. */
    private static RateLimiterConfig pacing(double requestsPerSecond, ResilienceOptions options) {
        if (requestsPerSecond <= 0) {
            throw new IllegalArgumentException("rate-limit per-second must be positive, not " + requestsPerSecond);
        }
        return RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(Math.max(1, (long) (1_000_000_000L / requestsPerSecond))))
                .timeoutDuration(options.maxWait())
                .build();
    }
}
