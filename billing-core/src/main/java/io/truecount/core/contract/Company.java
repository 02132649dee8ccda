package io.truecount.core.contract;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;

/**
 * The MSP itself: the seller on every invoice.
 *
 * @param timezone billing periods and cut-offs are computed in this zone
 * @param invoicePrefix invoice numbers are prefix + period + sequence
 * @param taxId the seller's tax registration, required on every EN 16931 invoice (BR-CO-26, BR-S-02)
 * @param paymentTermsDays days from issue date to due date (an extension of CONFIG.md; default 30)
 */
public record Company(
        String name,
        Currency currency,
        ZoneId timezone,
        String invoicePrefix,
        Address address,
        String taxId,
        int paymentTermsDays) {

    public static final int DEFAULT_PAYMENT_TERMS_DAYS = 30;

    public Company {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(invoicePrefix, "invoicePrefix");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(taxId, "taxId");
    }
}
