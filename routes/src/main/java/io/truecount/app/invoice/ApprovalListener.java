package io.truecount.app.invoice;

import java.time.Instant;

/**
 * Told of every approval inside the transaction that records it, whoever approved (a person, {@code cycle --push}, an
 * approval rule): the outbox writes the invoice's pushes there, so an approved invoice can never miss them.
 */
public interface ApprovalListener {

    void approved(String invoiceNumber, Instant at);
}
