package io.truecount.core.invoice;

import io.truecount.core.contract.TaxRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * One customer's invoice for one run period. Its identity is (customer, period); its number is assigned once and never
 * reused.
 *
 * @param period the run period (YYYY-MM) that produced it
 * @param periodStart first day billed (earliest of its lines' billing periods)
 * @param periodEnd last day billed, inclusive
 * @param tax the rule the tax amount was computed with, as printed on the invoice
 * @param subtotal sum of line amounts
 * @param taxAmount round(sum of taxable amounts x rate / 100)
 * @param total subtotal + taxAmount
 */
public record Invoice(
        String number,
        String customerId,
        YearMonth period,
        Currency currency,
        InvoiceStatus status,
        LocalDate issueDate,
        LocalDate dueDate,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<InvoiceLine> lines,
        TaxRule tax,
        BigDecimal subtotal,
        BigDecimal taxAmount,
        BigDecimal total) {

    public Invoice {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(periodEnd, "periodEnd");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(taxAmount, "taxAmount");
        Objects.requireNonNull(total, "total");
        lines = List.copyOf(lines);
    }

    /** The same invoice in another status; callers record the transition. */
    public Invoice withStatus(InvoiceStatus newStatus) {
        return new Invoice(
                number,
                customerId,
                period,
                currency,
                newStatus,
                issueDate,
                dueDate,
                periodStart,
                periodEnd,
                lines,
                tax,
                subtotal,
                taxAmount,
                total);
    }
}
