package io.truecount.connector.push;

import java.util.Objects;

/**
 * What the vendor holds after a push; stored on the invoice.
 *
 * @param externalId the vendor's id of the created object (QuickBooks {@code Id}, Xero {@code InvoiceID}, Stripe
 *     {@code in_…}, GoCardless {@code PM…}, a file name)
 * @param externalNumber the vendor's document number when it has its own, else null
 * @param url where a person sees it (Stripe {@code hosted_invoice_url}, a file path), else null
 */
public record PushReceipt(String externalId, String externalNumber, String url) {

    public PushReceipt {
        Objects.requireNonNull(externalId, "externalId");
    }
}
