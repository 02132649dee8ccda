package io.truecount.connector.concurrent;

import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.OrganizationException;
import io.truecount.connector.SourceException;
import io.truecount.connector.SyncSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads organizations (tenants, sites, companies) of one source concurrently, on at most {@code concurrency} threads,
 * so that 2,000 customers do not wait for each other while the vendor's limits still hold: every request still goes
 * through the connector's one {@code ResilientHttp} (pacing, 429 handling, circuit breaker).
 *
 * <p>Organizations are submitted as the caller pages through them; submitting blocks while all threads are busy, so
 * only {@code concurrency} organizations are ever in flight and memory stays flat. An {@link OrganizationException}
 * fails only its organization ({@link SyncSink#organizationFailed}); any other failure stops the work and fails the
 * run, because it is not confined to one organization (credentials of the whole connector, a malformed page).
 *
 * <p>Use one instance per run: open it, {@link #submit} each organization, then {@link #finish}. With a concurrency
 * of 1 every organization is read in the caller's thread, in order.
 */
public final class PerOrganization implements AutoCloseable {

    /** The option key admins set per connector ({@code options: { concurrency: 8 }}). */
    public static final String CONCURRENCY = "concurrency";

    /** The default: enough to hide latency, few enough that no vendor we read throttles a healthy account for it. */
    public static final int DEFAULT_CONCURRENCY = 4;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final SyncSink sink;
    private final ExecutorService pool;
    private final Semaphore slots;
    private final List<Future<?>> inFlight = new ArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    public PerOrganization(ConnectorSettings settings, SyncSink sink) {
        this(settings.id(), settings.intOption(CONCURRENCY, DEFAULT_CONCURRENCY), sink);
    }

    public PerOrganization(String connectorId, int concurrency, SyncSink sink) {
        if (concurrency < 1) {
            throw new IllegalArgumentException(
                    "connector " + connectorId + ": option 'concurrency' must be at least 1");
        }
        this.sink = sink;
        this.slots = new Semaphore(concurrency);
        if (concurrency == 1) {
            this.pool = null;
            return;
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, connectorId + "-" + pool + "-org-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Reads one organization on a free thread, waiting for one if all are busy. After a run-wide failure nothing more
     * is started.
     *
     * @param organizationId the vendor's id, under which a failure of {@code work} is reported
     */
    public void submit(String organizationId, Runnable work) {
        if (failure.get() != null) {
            return;
        }
        if (pool == null) {
            // One at a time: in the caller's thread, so requests keep the order the caller makes them in.
            run(work);
            return;
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to read organization " + organizationId, e);
        }
        inFlight.removeIf(Future::isDone);
        inFlight.add(pool.submit(() -> {
            try {
                if (failure.get() == null) {
                    run(work);
                }
            } finally {
                slots.release();
            }
        }));
    }

    private void run(Runnable work) {
        try {
            work.run();
        } catch (OrganizationException e) {
            sink.organizationFailed(e.organizationId(), e.getMessage());
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /**
     * Waits for every submitted organization, then rethrows the first run-wide failure, if any.
     *
     * @throws SourceException what failed the run
     */
    public void finish() {
        for (Future<?> future : List.copyOf(inFlight)) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for organizations", e);
            } catch (ExecutionException e) {
                failure.compareAndSet(null, new IllegalStateException(e.getCause()));
            }
        }
        inFlight.clear();
        RuntimeException first = failure.get();
        if (first != null) {
            throw first;
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
