package io.truecount.sim.quickbooks;

import java.math.BigDecimal;

/**
 * One {@code SalesItemLineDetail} line of a created invoice.
 *
 * @param quantity null when the request gave no {@code Qty}
 * @param unitPrice null when the request gave no {@code UnitPrice}
 * @param taxCode {@code TAX} or {@code NON}
 */
public record SimLine(
        int lineNum,
        String description,
        BigDecimal amount,
        String itemId,
        BigDecimal quantity,
        BigDecimal unitPrice,
        String taxCode) {}
