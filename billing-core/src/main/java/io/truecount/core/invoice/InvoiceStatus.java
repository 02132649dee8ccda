package io.truecount.core.invoice;

/** Where an invoice is in its life. Only {@code DRAFT} and {@code HELD} invoices are rebuilt by a re-run. */
public enum InvoiceStatus {
    DRAFT,
    HELD,
    APPROVED,
    POSTED,
    PARTIALLY_PAID,
    PAID,
    PAYMENT_FAILED,
    VOID;

    /** Whether regenerating the period may replace this invoice's lines. */
    public boolean isRebuildable() {
        return this == DRAFT || this == HELD;
    }
}
