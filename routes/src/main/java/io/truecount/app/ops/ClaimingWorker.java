package io.truecount.app.ops;

import java.time.Duration;

/** A worker that claims shared work in PostgreSQL (the push outbox, the webhook inbox); {@link WorkShutdown} stops it. */
public interface ClaimingWorker {

    /** What it works on, for the shutdown's log line. */
    String work();

    /**
     * Claims nothing more, and gives back what it claimed but did not start.
     *
     * @return how many claims were given back
     */
    int stopClaiming();

    /**
     * Waits until what it started is done, then gives back what a thread claimed while it was stopping.
     *
     * @return false when {@code timeout} ran out first
     */
    boolean awaitIdle(Duration timeout);
}
