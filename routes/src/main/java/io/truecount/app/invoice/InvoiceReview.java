package io.truecount.app.invoice;

import io.truecount.app.config.ActiveConfig;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLedger;
import io.truecount.core.invoice.InvoiceStatus;
import io.truecount.core.invoice.InvoiceStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's decisions on invoices from the API: the same {@link InvoiceLedger} transitions the {@code invoice}
 * commands make, each in its own transaction (the store audits them there). Unlike the ledger, which reports every
 * refusal as bad input, this tells an unknown invoice ({@link NoSuchElementException}) from a lifecycle that does not
 * allow the change ({@link IllegalStateException}).
 */
@Service
public class InvoiceReview {

    /** One invoice of a bulk decision: its status after it, or why it was refused. */
    public record Outcome(String number, String status, String error) {}

    private final InvoiceStore store;
    private final ActiveConfig config;
    private final Clock clock;
    private final TransactionTemplate transaction;

    InvoiceReview(InvoiceStore store, ActiveConfig config, Clock clock, TransactionTemplate transaction) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.transaction = transaction;
    }

    public Invoice find(String number) {
        return store.findByNumber(number).orElseThrow(() -> new NoSuchElementException("no invoice " + number));
    }

    /** Moves one invoice to {@code target} and records who and why; the reason is required by the history. */
    public Invoice transition(String number, InvoiceStatus target, String actor, String reason) {
        return transaction.execute(status -> {
            Invoice invoice = find(number);
            if (!invoice.status().canBecome(target)) {
                throw new IllegalStateException("invoice " + number + " is " + invoice.status() + " and cannot become "
                        + target + "; allowed: "
                        + (invoice.status().next().isEmpty()
                                ? "none"
                                : invoice.status().next()));
            }
            return new InvoiceLedger(store, config.get().company(), clock).transition(number, target, actor, reason);
        });
    }

    /** Each number on its own: one refused invoice does not stop the others. Duplicates are decided once. */
    public List<Outcome> transitionAll(List<String> numbers, InvoiceStatus target, String actor, String reason) {
        List<Outcome> outcomes = new ArrayList<>();
        for (String number : new LinkedHashSet<>(numbers)) {
            try {
                Invoice moved = transition(number, target, actor, reason);
                outcomes.add(new Outcome(number, moved.status().name(), null));
            } catch (NoSuchElementException | IllegalStateException | IllegalArgumentException e) {
                String status =
                        store.findByNumber(number).map(i -> i.status().name()).orElse(null);
                outcomes.add(new Outcome(number, status, e.getMessage()));
            }
        }
        return outcomes;
    }
}
