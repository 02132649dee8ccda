package io.truecount.core.invoice;

import java.time.Instant;

/**
 * One recorded status change of an invoice: who, when and why.
 *
 * @param from null when the invoice was created
 */
public record Transition(
        String number, InvoiceStatus from, InvoiceStatus to, String actor, String reason, Instant at) {}
