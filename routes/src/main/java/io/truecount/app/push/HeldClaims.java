package io.truecount.app.push;

import io.truecount.app.ops.WorkGate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pushes one worker claimed and has not started sending, so that a shutdown can give them back at once instead of
 * leaving them leased to a process that is going away; and the gate its threads claim through.
 */
final class HeldClaims {

    private static final Logger LOG = LoggerFactory.getLogger(HeldClaims.class);

    private final WorkGate gate = new WorkGate();
    private final Map<Long, Claim> waiting = new ConcurrentHashMap<>();
    private final Outbox outbox;
    private final String worker;
    private final Clock clock;

    HeldClaims(Outbox outbox, String worker, Clock clock) {
        this.outbox = outbox;
        this.worker = worker;
        this.clock = clock;
    }

    /** False once stopped: claim nothing. Otherwise {@link #batchDone} must follow. */
    boolean enter() {
        return gate.enter();
    }

    void hold(List<Claim> batch) {
        batch.forEach(c -> waiting.put(c.id(), c));
    }

    /** Whether the claim may be sent now; false when stopping, or when a shutdown already gave it back. */
    boolean start(Claim claim) {
        return !gate.isClosed() && waiting.remove(claim.id()) != null;
    }

    /**
     * After a batch, however it ended. Stopping: what it did not start is given back. Otherwise anything left (a
     * failure mid-batch, the database gone) stays leased and is resumed after the lease, by reading back.
     */
    void batchDone(List<Claim> batch) {
        try {
            if (gate.isClosed()) {
                releaseWaiting();
            } else {
                batch.forEach(c -> waiting.remove(c.id()));
            }
        } finally {
            gate.leave();
        }
    }

    /** Claims nothing more; gives back what is held and not started. */
    int stop() {
        gate.close();
        return releaseWaiting();
    }

    /** Waits for the batches in progress, then gives back what they claimed meanwhile and did not start. */
    boolean awaitIdle(Duration timeout) {
        boolean idle = gate.awaitIdle(timeout);
        releaseWaiting();
        return idle;
    }

    private int releaseWaiting() {
        int released = 0;
        for (Long id : List.copyOf(waiting.keySet())) {
            Claim claim = waiting.remove(id);
            if (claim != null && outbox.release(claim, worker, clock.instant())) {
                LOG.info("push {} to '{}' given back for another instance", claim.invoiceNumber(), claim.connectorId());
                released++;
            }
        }
        return released;
    }
}
