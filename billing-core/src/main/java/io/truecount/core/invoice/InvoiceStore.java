package io.truecount.core.invoice;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The port through which the ledger keeps invoices. The application implements it on PostgreSQL and calls the ledger
 * inside one transaction, so a run's invoices appear all together or not at all.
 */
public interface InvoiceStore {

    Optional<Invoice> find(String customerId, YearMonth period);

    List<Invoice> findByPeriod(YearMonth period);

    /** Hands out the next sequence number for a prefix and period; a number is never handed out twice. */
    long reserveSequence(String prefix, YearMonth period);

    void insert(Invoice invoice);

    /** Replaces the stored invoice with the same number (its lines, totals, status). */
    void update(Invoice invoice);

    /** Records a status change with who, why and when; {@code from} is null for a new invoice. */
    void recordTransition(String number, InvoiceStatus from, InvoiceStatus to, String actor, String reason, Instant at);
}
