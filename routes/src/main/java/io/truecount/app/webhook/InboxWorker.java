package io.truecount.app.webhook;

import io.truecount.app.TruecountProperties;
import io.truecount.app.contract.ContractSignatures;
import io.truecount.app.contract.SignatureUpdate;
import io.truecount.app.ops.ClaimingWorker;
import io.truecount.app.ops.Correlation;
import io.truecount.app.ops.WorkGate;
import io.truecount.connector.webhook.InboundEvent;
import io.truecount.connector.webhook.WebhookEffect;
import io.truecount.connector.webhook.WebhookReceiver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes the inbox. One transaction per event holds its row lock ({@code FOR UPDATE SKIP LOCKED}, so instances
 * share the work); the effect runs in a savepoint inside it, so a failing effect leaves nothing behind while its
 * failure is still recorded on the row in the same transaction. After {@code max-attempts} failures the event is a
 * dead letter.
 */
@Component
public class InboxWorker implements ClaimingWorker, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWorker.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    // One event per transaction. An effect locks its invoice; a transaction holding several events would hold several
    // invoice locks, and two workers taking them in different orders deadlock (measured: ./bench webhooks stalled).
    private static final int BATCH = 1;

    private final Inbox inbox;
    private final WebhookReceivers receivers;
    private final PaymentEffects payments;
    private final ContractSignatures signatures;
    private final Clock clock;
    private final TransactionTemplate outer;
    private final TransactionTemplate savepoint;
    private final TruecountProperties.Webhooks settings;
    private final ExecutorService pool;
    // Wake-ups beyond the pool's size are pointless: a running drain picks up what arrived meanwhile.
    private final AtomicInteger queued = new AtomicInteger();
    private final WorkGate gate = new WorkGate();

    InboxWorker(
            Inbox inbox,
            WebhookReceivers receivers,
            PaymentEffects payments,
            ContractSignatures signatures,
            Clock clock,
            PlatformTransactionManager transactions,
            TruecountProperties properties) {
        this.inbox = inbox;
        this.receivers = receivers;
        this.payments = payments;
        this.signatures = signatures;
        this.clock = clock;
        this.outer = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.settings = properties.webhooks();
        this.pool = Executors.newFixedThreadPool(Math.max(1, settings.workers()), r -> {
            Thread t = new Thread(r, "inbox-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks the pool to drain the inbox soon (new events were stored); returns at once. */
    public void wake() {
        if (gate.isClosed()) {
            return;
        }
        if (queued.incrementAndGet() <= settings.workers()) {
            try {
                pool.execute(() -> {
                    queued.decrementAndGet();
                    drain();
                });
            } catch (RejectedExecutionException shuttingDown) {
                // The event is stored: another instance, or this one's next start, processes it.
                queued.decrementAndGet();
            }
        } else {
            queued.decrementAndGet();
        }
    }

    /** Processes due events until none is left; returns how many were handled. */
    public int drain() {
        int handled = 0;
        int batch;
        while (!gate.isClosed() && (batch = processBatch()) > 0) {
            handled += batch;
        }
        return handled;
    }

    /**
     * Claims due events (see {@link #BATCH}) and processes them in one transaction, each event's effect in its own
     * savepoint.
     *
     * @return how many events were taken; 0 when no due event was free
     */
    int processBatch() {
        if (!gate.enter()) {
            return 0;
        }
        try {
            Integer took = outer.execute(status -> {
                Instant now = clock.instant();
                List<StoredEvent> events = inbox.claim(now, BATCH);
                for (StoredEvent event : events) {
                    try (Correlation ids = Correlation.of(
                            "event", Long.toString(event.id()),
                            "vendorEvent", event.eventId(),
                            "connector", event.connectorId())) {
                        process(event, now);
                    }
                }
                return events.size();
            });
            return took == null ? 0 : took;
        } finally {
            gate.leave();
        }
    }

    private void process(StoredEvent event, Instant now) {
        try {
            String outcome = savepoint.execute(nested -> effect(event));
            inbox.processed(event.id(), outcome, now);
            LOG.info("webhook event {} of '{}' processed: {}", event.eventId(), event.connectorId(), outcome);
        } catch (RuntimeException e) {
            recordFailure(event, e, now);
        }
    }

    /**
     * Shutdown: no more events are claimed (new ones stay RECEIVED for another instance). An event being processed
     * holds only its row lock, in its transaction: it finishes, or is rolled back with its connection and is RECEIVED
     * again; nothing is left to give back.
     */
    @Override
    public int stopClaiming() {
        gate.close();
        pool.shutdown();
        return 0;
    }

    @Override
    public String work() {
        return "a webhook event";
    }

    /** Waits until the events being processed are done. */
    @Override
    public boolean awaitIdle(Duration timeout) {
        return gate.awaitIdle(timeout);
    }

    private String effect(StoredEvent stored) {
        WebhookReceiver receiver = receivers
                .get(stored.connectorId())
                .orElseThrow(() -> new IllegalStateException(
                        "connector '" + stored.connectorId() + "' no longer receives webhooks"));
        InboundEvent event = new InboundEvent(stored.eventId(), stored.type(), stored.payload());
        WebhookEffect effect = receiver.interpret(event);
        if (effect instanceof WebhookEffect.Payment payment) {
            return payments.apply(stored.connectorId(), stored.eventId(), payment);
        }
        if (effect instanceof WebhookEffect.Signature signature) {
            SignatureUpdate update = signatures.apply(stored.connectorId(), signature, stored.eventId());
            return update.unknownDocument()
                    ? "ignored: no contract names " + stored.connectorId() + " document " + signature.documentId()
                    : update.describe();
        }
        return "ignored: " + ((WebhookEffect.Ignored) effect).why();
    }

    private void recordFailure(StoredEvent event, RuntimeException e, Instant now) {
        int attempts = event.attempts() + 1;
        String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (attempts >= settings.maxAttempts()) {
            LOG.warn(
                    "webhook event {} of '{}' is a dead letter after {} attempts: {}",
                    event.eventId(),
                    event.connectorId(),
                    attempts,
                    error);
            inbox.failed(event.id(), error, null);
        } else {
            LOG.info(
                    "webhook event {} of '{}' failed (attempt {}): {}",
                    event.eventId(),
                    event.connectorId(),
                    attempts,
                    error);
            inbox.failed(event.id(), error, now.plus(FIRST_BACKOFF.multipliedBy(1L << Math.min(attempts, 16))));
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
