package io.truecount.app.webhook;

import io.truecount.app.TruecountProperties;
import io.truecount.app.contract.ContractSignatures;
import io.truecount.app.contract.SignatureUpdate;
import io.truecount.connector.webhook.InboundEvent;
import io.truecount.connector.webhook.WebhookEffect;
import io.truecount.connector.webhook.WebhookReceiver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
public class InboxWorker implements AutoCloseable {

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
        if (queued.incrementAndGet() <= settings.workers()) {
            pool.execute(() -> {
                queued.decrementAndGet();
                drain();
            });
        } else {
            queued.decrementAndGet();
        }
    }

    /** Processes due events until none is left; returns how many were handled. */
    public int drain() {
        int handled = 0;
        int batch;
        while ((batch = processBatch()) > 0) {
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
        Integer took = outer.execute(status -> {
            Instant now = clock.instant();
            List<StoredEvent> events = inbox.claim(now, BATCH);
            for (StoredEvent event : events) {
                try {
                    String outcome = savepoint.execute(nested -> effect(event));
                    inbox.processed(event.id(), outcome, now);
                } catch (RuntimeException e) {
                    recordFailure(event, e, now);
                }
            }
            return events.size();
        });
        return took == null ? 0 : took;
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
