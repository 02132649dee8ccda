package io.truecount.connector.autotask;

import io.truecount.connector.SourceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A sliding one-hour window of the requests this JVM sent to one Autotask database as one API user. Autotask allows
 * 10,000 requests per rolling hour per database, shared by every integration (its own UI, other vendors' tools), and
 * adds latency from about half of that: Truecount keeps to its own share ({@code requests-per-hour}).
 *
 * <p>When the share is spent the next request waits for the oldest one to leave the window if that is soon (within
 * the connector's {@code retry.max-wait-seconds}); otherwise the run fails with "hourly request budget spent" rather
 * than hold a scheduler thread for up to an hour. The next run resumes from the saved watermark.
 */
final class RequestBudget {

    static final Duration WINDOW = Duration.ofHours(1);

    /** How a request waits; tests move a fake clock instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        Sleeper REAL = wait -> Thread.sleep(Math.max(1, wait.toMillis()));

        void sleep(Duration wait) throws InterruptedException;
    }

    private final Clock clock;
    private final Deque<Instant> sent = new ArrayDeque<>();
    private int limit;

    RequestBudget(int limit, Clock clock) {
        this.clock = clock;
        this.limit = limit;
    }

    /** Connectors sharing the budget may be configured differently; the smallest share wins. */
    synchronized void lowerTo(int requestsPerHour) {
        limit = Math.min(limit, requestsPerHour);
    }

    synchronized int limit() {
        return limit;
    }

    /** Requests in the window now. */
    synchronized int used() {
        forgetOld(clock.instant());
        return sent.size();
    }

    /**
     * Takes one request from the budget, waiting up to {@code maxWait} for one to free up.
     *
     * @throws SourceException when the budget stays spent for longer than {@code maxWait}
     */
    void take(String connectorId, Duration maxWait, Sleeper sleeper) {
        while (true) {
            Duration wait;
            synchronized (this) {
                Instant now = clock.instant();
                forgetOld(now);
                if (sent.size() < limit) {
                    sent.addLast(now);
                    return;
                }
                Instant freeAt = sent.peekFirst().plus(WINDOW);
                wait = Duration.between(now, freeAt);
                if (wait.compareTo(maxWait) > 0) {
                    throw SourceException.of(
                            connectorId,
                            "hourly request budget spent: " + sent.size()
                                    + " Autotask requests in the last hour (option "
                                    + AutotaskConnectorType.REQUESTS_PER_HOUR + " = " + limit
                                    + ", the database allows 10,000 for all integrations together); the next request"
                                    + " is possible at " + freeAt + ", the next run continues from there");
                }
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SourceException.of(connectorId, "interrupted while waiting for the hourly request budget");
            }
        }
    }

    private void forgetOld(Instant now) {
        Instant start = now.minus(WINDOW);
        while (!sent.isEmpty() && !sent.peekFirst().isAfter(start)) {
            sent.removeFirst();
        }
    }
}
