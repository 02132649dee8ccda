package io.truecount.app.push;

import io.truecount.app.audit.AuditLog;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceStatus;
import io.truecount.core.invoice.InvoiceStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person pushes one approved invoice now: its FAILED pushes are retried as {@code truecount push retry} does (read
 * back first, then sent), missing ones are added as {@code push deliver} does, and this process delivers them.
 */
@Service
public class InvoicePushes {

    private final InvoiceStore invoices;
    private final Outbox outbox;
    private final PushService pushes;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    InvoicePushes(
            InvoiceStore invoices,
            Outbox outbox,
            PushService pushes,
            AuditLog audit,
            Clock clock,
            TransactionTemplate transaction) {
        this.invoices = invoices;
        this.outbox = outbox;
        this.pushes = pushes;
        this.audit = audit;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** @return the invoice's pushes after one delivery attempt */
    public List<PushRow> push(String number, String actor, String reason) {
        transaction.executeWithoutResult(status -> {
            Invoice invoice =
                    invoices.findByNumber(number).orElseThrow(() -> new NoSuchElementException("no invoice " + number));
            if (invoice.status() != InvoiceStatus.APPROVED && !invoice.status().isPosted()) {
                throw new IllegalStateException("invoice " + number + " is " + invoice.status()
                        + "; only an APPROVED or posted invoice is pushed");
            }
            Instant now = clock.instant();
            int retried = outbox.retry(number, null, now);
            int added = outbox.enqueue(number, now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("retried", retried);
            details.put("added", added);
            audit.record(actor, AuditLog.INVOICE_PUSH, number, reason, details);
        });
        pushes.deliver(List.of(number));
        return outbox.of(List.of(number));
    }
}
