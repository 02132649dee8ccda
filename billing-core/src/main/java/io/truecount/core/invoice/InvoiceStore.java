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

    /** The customer's current invoice for the period: the one not credited by a credit note. */
    Optional<Invoice> find(String customerId, YearMonth period);

    Optional<Invoice> findByNumber(String number);

    /** The period's current invoices (credited ones excluded), in customer order. */
    List<Invoice> findByPeriod(YearMonth period);

    /** The customer's latest current invoice of a period before {@code before} that is not {@code VOID}. */
    Optional<Invoice> findPrevious(String customerId, YearMonth before);

    /** Hands out the next sequence number for a prefix and period; a number is never handed out twice. */
    long reserveSequence(String prefix, YearMonth period);

    void insert(Invoice invoice);

    /** Replaces the stored invoice with the same number (its lines, totals, status). */
    void update(Invoice invoice);

    /** Records a status change with who, why and when; {@code from} is null for a new invoice. */
    void recordTransition(String number, InvoiceStatus from, InvoiceStatus to, String actor, String reason, Instant at);

    /** Every transition of an invoice, oldest first. */
    List<Transition> transitions(String number);

    /** Stores a credit note and marks the invoice it credits as credited (no longer current for its period). */
    void insertCreditNote(CreditNote note);

    /** Credit notes of invoices of the period, in number order. */
    List<CreditNote> creditNotes(YearMonth period);
}
