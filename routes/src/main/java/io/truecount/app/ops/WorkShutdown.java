package io.truecount.app.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown (SIGTERM closes the context), the workers that claim shared work (the push outbox, the webhook inbox)
 * stop claiming, give back what they claimed but did not start (another instance takes it at once instead of waiting
 * for a lease to run out), and get {@code truecount.shutdown-grace} to finish what they started.
 *
 * <p>What is still running when the grace is over is left as a crash would leave it, which is safe by design: a push
 * whose send began stays SENT under its lease and is resumed elsewhere by reading the vendor back; a webhook event's
 * row lock goes with its transaction, rolled back when the database pool closes, and the event is RECEIVED again.
 *
 * <p>Phase: after the web server's graceful shutdown has stopped taking requests (webhooks that would wake the inbox),
 * before the web server and Camel stop (Camel waits for the timer routes that drive the workers; by then they have
 * nothing left to claim).
 */
@Component
public class WorkShutdown implements SmartLifecycle {

    /** Between Spring Boot's graceful web shutdown (MAX - 1024) and the web server's stop (MAX - 2048). */
    static final int PHASE = Integer.MAX_VALUE - 1536;

    private static final Logger LOG = LoggerFactory.getLogger(WorkShutdown.class);

    private final List<ClaimingWorker> workers;
    private final Duration grace;
    private volatile boolean running;

    public WorkShutdown(List<ClaimingWorker> workers, OperationsProperties properties) {
        this.workers = List.copyOf(workers);
        this.grace = properties.shutdownGrace();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        long deadline = System.nanoTime() + grace.toNanos();
        int released = 0;
        for (ClaimingWorker worker : workers) {
            released += worker.stopClaiming();
        }
        List<String> unfinished = new ArrayList<>();
        for (ClaimingWorker worker : workers) {
            if (!worker.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                unfinished.add(worker.work());
            }
        }
        if (unfinished.isEmpty()) {
            LOG.info("shutdown: claimed work finished; {} unstarted claim(s) given back", released);
        } else {
            LOG.warn(
                    "shutdown: grace of {} s over with {} still running; it is resumed elsewhere as after a crash"
                            + " (a push by reading the vendor back once its lease ends, a webhook event after its"
                            + " transaction is rolled back)",
                    grace.toSeconds(),
                    String.join(" and ", unfinished));
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
