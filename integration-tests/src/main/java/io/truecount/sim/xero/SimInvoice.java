package io.truecount.sim.xero;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice the simulator holds, with the amounts Xero computed for it.
 *
 * @param lines in the order they were sent
 * @param subTotal the sum of line amounts
 * @param totalTax the sum of line tax amounts
 */
public record SimInvoice(
        String invoiceId,
        String type,
        String invoiceNumber,
        String contactId,
        LocalDate date,
        LocalDate dueDate,
        String reference,
        String status,
        String currencyCode,
        String lineAmountTypes,
        List<Line> lines,
        BigDecimal subTotal,
        BigDecimal totalTax,
        BigDecimal total,
        Instant updated) {

    public SimInvoice {
        lines = List.copyOf(lines);
    }

    /** A line item as Xero holds it: quantity x unit amount rounded to the currency gives the line amount. */
    public record Line(
            String lineItemId,
            String description,
            BigDecimal quantity,
            BigDecimal unitAmount,
            BigDecimal lineAmount,
            String accountCode,
            String taxType,
            BigDecimal taxAmount) {}
}
