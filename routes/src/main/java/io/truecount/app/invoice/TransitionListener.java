package io.truecount.app.invoice;

import io.truecount.core.invoice.InvoiceStatus;
import java.time.Instant;

/**
 * Told of every recorded invoice status change inside the transaction that records it, whoever made it (a person
 * through the API or the CLI, a cycle, an approval rule): the audit log writes its row there.
 */
public interface TransitionListener {

    /** @param from null when the invoice was just created */
    void transitioned(String number, InvoiceStatus from, InvoiceStatus to, String actor, String reason, Instant at);
}
