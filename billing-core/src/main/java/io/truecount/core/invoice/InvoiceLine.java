package io.truecount.core.invoice;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an invoice, as produced by one contract line (or the contract's minimum commitment).
 *
 * @param lineId the contract line's id ({@code minimum} for a minimum-commitment line)
 * @param unitPrice null for lines without a single unit price (tiered, time-based)
 * @param amount rounded to the currency's minor unit
 */
public record InvoiceLine(
        String contractId,
        String lineId,
        String description,
        BigDecimal quantity,
        BigDecimal unitPrice,
        BigDecimal amount,
        boolean taxable) {

    public InvoiceLine {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(amount, "amount");
    }
}
