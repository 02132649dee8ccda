package io.truecount.app.push;

import io.truecount.app.TruecountProperties;
import io.truecount.app.config.ActiveConfig;
import io.truecount.app.ops.ClaimingWorker;
import io.truecount.app.ops.Correlation;
import io.truecount.connector.CredentialsException;
import io.truecount.connector.SourceException;
import io.truecount.connector.SourceUnavailableException;
import io.truecount.connector.push.PushReceipt;
import io.truecount.connector.push.PushRequest;
import io.truecount.connector.push.SinkConnector;
import io.truecount.core.contract.Customer;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLedger;
import io.truecount.core.invoice.InvoiceStatus;
import io.truecount.core.invoice.InvoiceStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers claimed pushes. What an error means is decided here, once for every sink:
 *
 * <ul>
 *   <li>credentials refused: nothing was created; PENDING again later;
 *   <li>no usable answer (timeouts, retries exhausted, an open circuit): the vendor may have applied it; UNKNOWN, read
 *       back first next time;
 *   <li>any other refusal: FAILED, with the vendor's message, for an admin.
 * </ul>
 *
 * A confirmed push moves an APPROVED invoice to POSTED in the same transaction that records the vendor's id.
 */
@Component
public class PushWorker implements ClaimingWorker {

    private static final Logger LOG = LoggerFactory.getLogger(PushWorker.class);
    private static final int BATCH = 8;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

    private final Outbox outbox;
    private final SinkConnectors sinks;
    private final InvoiceStore invoices;
    private final ActiveConfig config;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TruecountProperties.Push settings;
    private final String worker;
    private final HeldClaims held;

    PushWorker(
            Outbox outbox,
            SinkConnectors sinks,
            InvoiceStore invoices,
            ActiveConfig config,
            Clock clock,
            TransactionTemplate transaction,
            TruecountProperties properties) {
        this.outbox = outbox;
        this.sinks = sinks;
        this.invoices = invoices;
        this.config = config;
        this.clock = clock;
        this.transaction = transaction;
        this.settings = properties.push();
        this.worker = ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        this.held = new HeldClaims(outbox, worker, clock);
    }

    /**
     * Claims and delivers one batch of due pushes.
     *
     * @param invoiceNumbers only these invoices' pushes; null for any
     * @return how many pushes were claimed
     */
    public int deliverDue(Collection<String> invoiceNumbers) {
        if (!held.enter()) {
            return 0;
        }
        List<Claim> claims = List.of();
        try {
            claims = outbox.claim(worker, clock.instant(), lease(), BATCH, invoiceNumbers);
            held.hold(claims);
            for (Claim claim : claims) {
                if (held.start(claim)) {
                    try (Correlation ids = Correlation.of(
                            "push", Long.toString(claim.id()),
                            "invoice", claim.invoiceNumber(),
                            "connector", claim.connectorId())) {
                        deliver(claim);
                    }
                }
            }
            return claims.size();
        } finally {
            held.batchDone(claims);
        }
    }

    @Override
    public String work() {
        return "a push";
    }

    /**
     * Shutdown: claims nothing more and gives back the pushes claimed but not started, as they were before (PENDING,
     * or UNKNOWN to be read back), due at once for any instance.
     */
    @Override
    public int stopClaiming() {
        return held.stop();
    }

    /** Waits until the push being sent (if any) is recorded. */
    @Override
    public boolean awaitIdle(Duration timeout) {
        return held.awaitIdle(timeout);
    }

    private void deliver(Claim claim) {
        Invoice invoice = invoices.findByNumber(claim.invoiceNumber()).orElseThrow();
        if (!claim.readBackFirst() && invoice.status() == InvoiceStatus.VOID) {
            outbox.fail(claim, worker, "the invoice was voided before it was sent", clock.instant());
            return;
        }
        Customer customer = config.get().customers().get(invoice.customerId());
        if (customer == null || !sinks.has(claim.connectorId())) {
            outbox.fail(
                    claim,
                    worker,
                    "customer '" + invoice.customerId() + "' or connector '" + claim.connectorId()
                            + "' is no longer in the configuration",
                    clock.instant());
            return;
        }
        SinkConnector sink = sinks.get(claim.connectorId());
        PushRequest request = new PushRequest(
                claim.key(),
                invoice,
                config.get().company(),
                customer,
                customer.accounting().get(claim.connectorId()));
        boolean sent = false;
        try {
            if (claim.readBackFirst()) {
                Optional<PushReceipt> found = sink.find(request);
                if (found.isPresent()) {
                    confirm(claim, found.get(), "found at the vendor by its key");
                    return;
                }
                if (!outbox.sending(claim, worker, clock.instant(), lease())) {
                    return;
                }
            }
            sent = true;
            confirm(claim, sink.push(request), "pushed");
        } catch (CredentialsException e) {
            retry(claim, sent ? PushState.UNKNOWN : stateBefore(claim), e.getMessage());
        } catch (SourceUnavailableException e) {
            retry(claim, PushState.UNKNOWN, e.getMessage());
        } catch (SourceException e) {
            if (sent) {
                outbox.fail(claim, worker, e.getMessage(), clock.instant());
                LOG.warn("push {} to '{}' refused: {}", claim.invoiceNumber(), claim.connectorId(), e.getMessage());
            } else {
                retry(claim, PushState.UNKNOWN, "reading back: " + e.getMessage());
            }
        } catch (RuntimeException e) {
            // A defect, not a vendor answer; whether anything was sent is not known.
            LOG.error("push {} to '{}' failed unexpectedly", claim.invoiceNumber(), claim.connectorId(), e);
            retry(claim, sent || claim.readBackFirst() ? PushState.UNKNOWN : PushState.PENDING, e.toString());
        }
    }

    private static PushState stateBefore(Claim claim) {
        return claim.readBackFirst() ? PushState.UNKNOWN : PushState.PENDING;
    }

    private void confirm(Claim claim, PushReceipt receipt, String how) {
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            if (!outbox.confirm(claim, worker, receipt, now)) {
                LOG.warn(
                        "push {} to '{}': lost its claim before recording", claim.invoiceNumber(), claim.connectorId());
                return;
            }
            Invoice invoice = invoices.findByNumber(claim.invoiceNumber()).orElseThrow();
            if (invoice.status() == InvoiceStatus.APPROVED) {
                new InvoiceLedger(invoices, config.get().company(), clock)
                        .transition(
                                invoice.number(),
                                InvoiceStatus.POSTED,
                                "push:" + claim.connectorId(),
                                how + " to " + claim.connectorId() + " as " + receipt.externalId());
            }
        });
        LOG.info("push {} to '{}' confirmed as {}", claim.invoiceNumber(), claim.connectorId(), receipt.externalId());
    }

    private void retry(Claim claim, PushState state, String error) {
        Instant now = clock.instant();
        int attempts = claim.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            String why = state == PushState.UNKNOWN
                    ? "outcome unknown after " + attempts + " attempts; check " + claim.connectorId() + " for invoice "
                            + claim.invoiceNumber() + " and retry the push (it reads back first): " + error
                    : "gave up after " + attempts + " attempts: " + error;
            outbox.fail(claim, worker, why, now);
            return;
        }
        outbox.later(claim, worker, state, error, now.plus(backoff(attempts)), now);
    }

    private static Duration backoff(int attempts) {
        long base = FIRST_BACKOFF.toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(base, MAX_BACKOFF.toMillis());
        // Jitter keeps instances that failed together from retrying together.
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private Duration lease() {
        return Duration.ofSeconds(settings.leaseSeconds());
    }
}
