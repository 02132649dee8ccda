package io.truecount.connector.webhook;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/** What one event means for Truecount, in vendor-neutral terms. */
public sealed interface WebhookEffect {

    /** When the vendor says it happened; the application orders effects on one invoice or contract by it. */
    Instant occurredAt();

    /** What a payment gateway reported about one of our invoices (or payments). */
    enum PaymentKind {
        /** The invoice is paid in full (Stripe {@code invoice.paid}, GoCardless {@code confirmed}). */
        PAID,
        /** A collection attempt failed (Stripe {@code invoice.payment_failed}, GoCardless {@code failed}). */
        FAILED,
        /** Money went back to the customer (Stripe {@code charge.refunded}). */
        REFUNDED,
        /** The customer disputed a charge (Stripe {@code charge.dispute.created}). */
        DISPUTED,
        /** The collected money reached the MSP's bank (GoCardless {@code paid_out}). */
        PAID_OUT
    }

    /**
     * @param invoiceNumber our invoice number when the vendor echoes it (metadata), else null
     * @param externalId the vendor's id of the pushed object ({@code in_…}, {@code PM…}) when the event names it, else
     *     null
     * @param chargeId the vendor's charge id ({@code ch_…}) when the event names one: a dispute names only its charge
     * @param amount in major units (1234 cents → 12.34), or null when the event carries none
     * @param currency with {@code amount}, else null
     * @param detail a short human description for the payment history ({@code card_declined}, {@code fraudulent})
     */
    record Payment(
            PaymentKind kind,
            String invoiceNumber,
            String externalId,
            String chargeId,
            BigDecimal amount,
            Currency currency,
            Instant occurredAt,
            String detail)
            implements WebhookEffect {

        public Payment {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }

    /** What an e-signature tool reported about a document. */
    enum SignatureKind {
        /** Every signer signed (DocuSign envelope completed, Dropbox Sign all signed, PandaDoc completed). */
        COMPLETED,
        /** A signer declined. */
        DECLINED,
        /** The sender voided, cancelled or let the document expire. */
        VOIDED
    }

    /**
     * @param documentId the vendor's id of the envelope, signature request or document: a contract's
     *     {@code signature.document-id}
     * @param signer who signed or declined, when the event says, else null
     */
    record Signature(SignatureKind kind, String documentId, Instant occurredAt, String signer)
            implements WebhookEffect {

        public Signature {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(documentId, "documentId");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }

    /** An event Truecount receives but has nothing to do about (another event type, a test ping). */
    record Ignored(String why, Instant occurredAt) implements WebhookEffect {}
}
