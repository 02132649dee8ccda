package io.truecount.export.ubl;

import io.truecount.core.contract.Address;
import io.truecount.core.contract.Company;
import io.truecount.core.contract.Customer;
import io.truecount.core.contract.TaxRule;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.InvoiceLine.Unit;
import io.truecount.core.invoice.InvoiceStatus;
import io.truecount.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** Sellers, buyers and invoices for the tests; amounts and totals follow CONFIG.md's money rules, never typed in. */
final class TestInvoices {

    static final Currency USD = Currency.getInstance("USD");
    static final Currency JPY = Currency.getInstance("JPY");
    static final String CONTRACT = "acme-managed";
    static final YearMonth PERIOD = YearMonth.of(2026, 10);
    static final LocalDate ISSUE_DATE = PERIOD.atDay(1);
    static final LocalDate DUE_DATE = ISSUE_DATE.plusDays(Company.DEFAULT_PAYMENT_TERMS_DAYS);

    static final Company SELLER = new Company(
            "Zylker Managed Services",
            USD,
            ZoneId.of("America/New_York"),
            "ZY-",
            new Address("1 Main St", "Suite 200", "Springfield", "12345", "IL", "US"),
            "US123456789",
            Company.DEFAULT_PAYMENT_TERMS_DAYS);

    static final Address BUYER_ADDRESS = new Address("9 Elm Rd", null, "Springfield", "62701", "IL", "US");

    static final TaxRule SALES_TAX = new TaxRule(new BigDecimal("8.25"), "S", null);

    private TestInvoices() {}

    static Customer customer(TaxRule tax) {
        return customer(tax, BUYER_ADDRESS, USD);
    }

    static Customer customer(TaxRule tax, Address address, Currency currency) {
        return new Customer("acme", "Acme Dental", currency, tax, address, Map.of(), Map.of(), null);
    }

    /** A line billed for the whole period: amount = quantity x unit price. */
    static InvoiceLine perUnit(String lineId, String quantity, Unit unit, String unitPrice, boolean taxable) {
        BigDecimal amount = new BigDecimal(quantity).multiply(new BigDecimal(unitPrice));
        return new InvoiceLine(
                CONTRACT,
                lineId,
                "Managed " + lineId,
                new BigDecimal(quantity),
                unit,
                new BigDecimal(unitPrice),
                amount,
                taxable);
    }

    /** A line of a contract active for part of the period: round(quantity x unit price x activeDays / days). */
    static InvoiceLine prorated(
            String lineId, String quantity, String unitPrice, long activeDays, long days, Currency currency) {
        BigDecimal full = new BigDecimal(quantity).multiply(new BigDecimal(unitPrice));
        BigDecimal amount = Money.round(
                Money.divide(full.multiply(BigDecimal.valueOf(activeDays)), BigDecimal.valueOf(days)), currency);
        return new InvoiceLine(
                CONTRACT,
                lineId,
                "Managed " + lineId + " (prorated)",
                new BigDecimal(quantity),
                Unit.EACH,
                new BigDecimal(unitPrice),
                amount,
                true);
    }

    /** A tiered or time-based line: an amount for the quantity, but no single unit price. */
    static InvoiceLine withoutUnitPrice(String lineId, String quantity, Unit unit, String amount) {
        return new InvoiceLine(
                CONTRACT,
                lineId,
                "Tiered " + lineId,
                new BigDecimal(quantity),
                unit,
                null,
                new BigDecimal(amount),
                true);
    }

    /** Subtotal = sum of lines; tax = round(sum of taxable lines x rate / 100); total = subtotal + tax. */
    static Invoice invoice(String number, Currency currency, TaxRule tax, InvoiceLine... lines) {
        List<InvoiceLine> all = List.of(lines);
        BigDecimal subtotal = all.stream().map(InvoiceLine::amount).reduce(Money.zero(currency), BigDecimal::add);
        BigDecimal taxable = all.stream()
                .filter(InvoiceLine::taxable)
                .map(InvoiceLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal taxAmount = Money.round(taxable.multiply(tax.ratePercent()).movePointLeft(2), currency);
        return new Invoice(
                number,
                "acme",
                PERIOD,
                currency,
                InvoiceStatus.DRAFT,
                ISSUE_DATE,
                DUE_DATE,
                PERIOD.atDay(1),
                PERIOD.atEndOfMonth(),
                all,
                tax,
                subtotal,
                taxAmount,
                subtotal.add(taxAmount));
    }

    /** The same invoice with other subtotal and tax, and total = subtotal + tax: for invoices that disagree. */
    static Invoice withFigures(Invoice invoice, BigDecimal subtotal, BigDecimal taxAmount) {
        return new Invoice(
                invoice.number(),
                invoice.customerId(),
                invoice.period(),
                invoice.currency(),
                invoice.status(),
                invoice.issueDate(),
                invoice.dueDate(),
                invoice.periodStart(),
                invoice.periodEnd(),
                invoice.lines(),
                invoice.tax(),
                subtotal,
                taxAmount,
                subtotal.add(taxAmount));
    }
}
