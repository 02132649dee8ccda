package io.truecount.core.invoice;

import io.truecount.core.contract.TaxRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A correction of a posted invoice: it credits the invoice in full (same lines, same tax), and the period is then
 * billed again by a new invoice with a new number. Amounts are positive; the document type carries the sign, as UBL
 * credit notes and accounting systems expect.
 *
 * @param invoiceNumber the invoice it credits
 * @param period the run period of the credited invoice
 */
public record CreditNote(
        String number,
        String invoiceNumber,
        String customerId,
        YearMonth period,
        Currency currency,
        LocalDate issueDate,
        List<InvoiceLine> lines,
        TaxRule tax,
        BigDecimal subtotal,
        BigDecimal taxAmount,
        BigDecimal total,
        String reason) {

    public CreditNote {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reason, "reason");
        lines = List.copyOf(lines);
    }

    /** The credit note that cancels an invoice. */
    static CreditNote crediting(Invoice invoice, String number, LocalDate issued, String reason) {
        return new CreditNote(
                number,
                invoice.number(),
                invoice.customerId(),
                invoice.period(),
                invoice.currency(),
                issued,
                invoice.lines(),
                invoice.tax(),
                invoice.subtotal(),
                invoice.taxAmount(),
                invoice.total(),
                reason);
    }
}
