package io.truecount.app.push;

import io.truecount.app.config.ActiveConfig;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLedger;
import io.truecount.core.invoice.InvoiceStatus;
import io.truecount.core.invoice.InvoiceStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code cycle --push}: the admin's approval of a period. Drafts become APPROVED (which writes their pushes), pushes
 * an approved invoice is missing are added, and the outbox is delivered in this process until every push of the
 * period is final or waits longer than the command is willing to.
 */
@Service
public class PushService {

    /** A push that will not be due within this long is left to the server (or the next run) and reported. */
    static final Duration WAIT_AT_MOST = Duration.ofSeconds(30);

    private final InvoiceStore invoices;
    private final Outbox outbox;
    private final PushWorker worker;
    private final ActiveConfig config;
    private final Clock clock;
    private final TransactionTemplate transaction;

    PushService(
            InvoiceStore invoices,
            Outbox outbox,
            PushWorker worker,
            ActiveConfig config,
            Clock clock,
            TransactionTemplate transaction) {
        this.invoices = invoices;
        this.outbox = outbox;
        this.worker = worker;
        this.config = config;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** Approves the period's drafts and delivers its approved invoices; returns every push of the period. */
    public List<PushRow> pushPeriod(YearMonth period, String actor) {
        List<String> numbers = transaction.execute(status -> {
            InvoiceLedger ledger = new InvoiceLedger(invoices, config.get().company(), clock);
            for (Invoice invoice : invoices.findByPeriod(period)) {
                if (invoice.status() == InvoiceStatus.DRAFT) {
                    ledger.approve(invoice.number(), actor, "approved by cycle --push");
                }
            }
            List<String> approved = invoices.findByPeriod(period).stream()
                    .filter(i ->
                            i.status() == InvoiceStatus.APPROVED || i.status().isPosted())
                    .map(Invoice::number)
                    .toList();
            approved.forEach(n -> outbox.enqueue(n, clock.instant()));
            return approved;
        });
        deliver(numbers);
        return outbox.of(numbers);
    }

    /** Delivers these invoices' pushes until all are final or the next is not due soon. */
    public void deliver(List<String> numbers) {
        // Measured on the machine's clock: the application clock may be pinned (tests, reproducible demos).
        long giveUpAt = System.nanoTime() + 2 * WAIT_AT_MOST.toNanos();
        while (System.nanoTime() < giveUpAt) {
            if (worker.deliverDue(numbers) > 0) {
                continue;
            }
            Optional<Instant> next = outbox.nextDue(numbers);
            if (next.isEmpty()) {
                return;
            }
            Duration wait = Duration.between(clock.instant(), next.get());
            if (wait.compareTo(WAIT_AT_MOST) > 0) {
                return;
            }
            // SENT rows another process holds (or held: a lease running out) also come back here.
            sleep(wait.isNegative() || wait.isZero() ? Duration.ofMillis(200) : wait);
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for pushes", e);
        }
    }
}
