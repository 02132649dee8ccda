package io.truecount.connector.autotask;

import io.truecount.connector.SourceException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What one Autotask API user may do, shared by every connector instance in this JVM that uses it on the same zone
 * (two configured connectors, an on-demand run overlapping a scheduled one): the hourly {@link RequestBudget} and
 * Autotask's thread limit of 3 concurrent requests per object endpoint
 * (autotask.net/help/developerhelp/content/apis/General/ThreadLimiting.htm).
 */
final class AccountLimits {

    static final int DEFAULT_REQUESTS_PER_HOUR = 5_000;
    static final int THREADS_PER_ENDPOINT = 3;

    private static final Map<String, AccountLimits> SHARED = new ConcurrentHashMap<>();

    private final RequestBudget budget;
    private final Map<String, Semaphore> endpoints = new ConcurrentHashMap<>();

    private AccountLimits(RequestBudget budget) {
        this.budget = budget;
    }

    /** The limits of this user on this zone, created on first use. */
    static AccountLimits of(String zoneHost, String username, int requestsPerHour, Clock clock) {
        String key = zoneHost.toLowerCase(Locale.ROOT) + "|" + username.toLowerCase(Locale.ROOT);
        AccountLimits limits =
                SHARED.computeIfAbsent(key, k -> new AccountLimits(new RequestBudget(requestsPerHour, clock)));
        limits.budget.lowerTo(requestsPerHour);
        return limits;
    }

    /** Forgets every shared budget; tests of the budget start from an empty hour. */
    static void resetForTests() {
        SHARED.clear();
    }

    RequestBudget budget() {
        return budget;
    }

    /**
     * Runs one request within the limits: a slot of the endpoint (the entity, {@code TimeEntries}) and one request of
     * the hourly budget.
     */
    <T> T call(
            String connectorId, String endpoint, Duration maxWait, RequestBudget.Sleeper sleeper, Supplier<T> request) {
        Semaphore slots = endpoints.computeIfAbsent(endpoint, e -> new Semaphore(THREADS_PER_ENDPOINT, true));
        try {
            if (!slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw SourceException.of(
                        connectorId,
                        "no free Autotask thread for " + endpoint + " within " + maxWait.toSeconds()
                                + " s: other connectors with the same API user hold all " + THREADS_PER_ENDPOINT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SourceException.of(connectorId, "interrupted while waiting for an Autotask thread");
        }
        try {
            budget.take(connectorId, maxWait, sleeper);
            return request.get();
        } finally {
            slots.release();
        }
    }
}
