package io.truecount.core.invoice;

import io.truecount.core.contract.TaxRule;
import io.truecount.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * What an invoice should contain, before it has a number or a place in the ledger. Totals follow CONFIG.md: subtotal =
 * Σ line amounts; tax = round(Σ taxable amounts × rate / 100); total = subtotal + tax.
 *
 * @param holdReason why a guard stopped it (it becomes a {@code HELD} invoice); null when none did
 */
public record InvoiceDraft(
        String customerId,
        Currency currency,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<InvoiceLine> lines,
        TaxRule tax,
        String holdReason) {

    public InvoiceDraft {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(tax, "tax");
        lines = List.copyOf(lines);
    }

    public boolean held() {
        return holdReason != null;
    }

    public BigDecimal subtotal() {
        return lines.stream().map(InvoiceLine::amount).reduce(Money.zero(currency), BigDecimal::add);
    }

    public BigDecimal taxAmount() {
        BigDecimal taxable = lines.stream()
                .filter(InvoiceLine::taxable)
                .map(InvoiceLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return Money.round(taxable.multiply(tax.ratePercent()).movePointLeft(2), currency);
    }

    public BigDecimal total() {
        return subtotal().add(taxAmount());
    }
}
