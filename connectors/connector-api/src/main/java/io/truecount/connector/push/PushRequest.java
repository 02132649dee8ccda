package io.truecount.connector.push;

import io.truecount.core.contract.Company;
import io.truecount.core.contract.Customer;
import io.truecount.core.invoice.Invoice;
import java.util.Objects;

/**
 * One invoice to deliver to one sink.
 *
 * @param key deterministic for (invoice, sink): {@code truecount-<invoice number>-<connector id>}; a sink derives its
 *     vendor idempotency keys from it ({@code key + ":finalize"}), within the vendor's length limit
 * @param accountId the customer's id in this sink ({@code customers.<id>.accounting.<connector>}: a QuickBooks
 *     customer id, Xero ContactID, Stripe {@code cus_…}, GoCardless mandate {@code MD…}); null for file sinks
 */
public record PushRequest(String key, Invoice invoice, Company company, Customer customer, String accountId) {

    public PushRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(customer, "customer");
    }

    /** The deterministic key of pushing this invoice to this connector. */
    public static String keyOf(String invoiceNumber, String connectorId) {
        return "truecount-" + invoiceNumber + "-" + connectorId;
    }
}
