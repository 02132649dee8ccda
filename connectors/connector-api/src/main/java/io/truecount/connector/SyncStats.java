package io.truecount.connector;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one sync run, updated by the connector runtime as it works and read by whoever shows progress. Safe to
 * share between threads.
 */
public final class SyncStats {

    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong throttles = new AtomicLong();

    /** A page was read and mapped with this many records. */
    public void page(int recordCount) {
        pages.incrementAndGet();
        records.addAndGet(recordCount);
    }

    /** An HTTP request was sent (retries included). */
    public void request() {
        requests.incrementAndGet();
    }

    /** A request is being retried after a failure. */
    public void retry() {
        retries.incrementAndGet();
    }

    /** The vendor answered 429. */
    public void throttled() {
        throttles.incrementAndGet();
    }

    public long pages() {
        return pages.get();
    }

    public long records() {
        return records.get();
    }

    public long requests() {
        return requests.get();
    }

    public long retries() {
        return retries.get();
    }

    public long throttles() {
        return throttles.get();
    }

    @Override
    public String toString() {
        return pages() + " pages, " + records() + " records, " + requests() + " requests, " + retries() + " retries, "
                + throttles() + " throttled";
    }
}
