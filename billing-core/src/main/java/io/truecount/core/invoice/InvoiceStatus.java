package io.truecount.core.invoice;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an invoice is in its life: {@code DRAFT → APPROVED → POSTED → PAID}, with {@code HELD} (a guard or a person
 * stopped it), {@code VOID}, {@code PARTIALLY_PAID} and {@code PAYMENT_FAILED}. Only {@code DRAFT} and {@code HELD}
 * invoices are rebuilt by a re-run; a posted invoice is corrected by a credit note, never edited.
 */
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

    /** Whether the invoice has reached the customer's books: it can then only be corrected by a credit note. */
    public boolean isPosted() {
        return this == POSTED || this == PARTIALLY_PAID || this == PAID || this == PAYMENT_FAILED;
    }

    /** The statuses this one may move to. */
    public Set<InvoiceStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(APPROVED, HELD, VOID);
            case HELD -> EnumSet.of(DRAFT, APPROVED, VOID);
            case APPROVED -> EnumSet.of(POSTED, VOID);
            case POSTED -> EnumSet.of(PARTIALLY_PAID, PAID, PAYMENT_FAILED);
            case PARTIALLY_PAID -> EnumSet.of(PAID, PAYMENT_FAILED);
            // A failed collection can be retried; a late failure after PAID does not undo the payment.
            case PAYMENT_FAILED -> EnumSet.of(PARTIALLY_PAID, PAID);
            case PAID, VOID -> EnumSet.noneOf(InvoiceStatus.class);
        };
    }

    public boolean canBecome(InvoiceStatus target) {
        return next().contains(target);
    }
}
