package io.truecount.export.ubl;

import io.truecount.core.contract.Company;
import io.truecount.core.contract.Customer;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PaymentTermsType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PeriodType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.NoteType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.TaxExemptionReasonType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;

/** Builds the UBL document model of one invoice: header, parties, lines, tax and totals. */
final class InvoiceMapper {

    /** EN 16931 core, without a CIUS: what OUTPUTS.md asks for. */
    static final String CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017";
    /** UNTDID 1001 code of a commercial invoice. */
    static final String COMMERCIAL_INVOICE = "380";

    InvoiceType map(Company seller, Customer buyer, Invoice invoice) {
        requireConsistent(invoice);
        UblMoney money = new UblMoney(invoice.currency());
        TaxBreakdown tax = TaxBreakdown.of(invoice);
        InvoiceType document = new InvoiceType();
        document.setCustomizationID(CUSTOMIZATION_ID);
        document.setID(invoice.number());
        document.setIssueDate(invoice.issueDate());
        document.setDueDate(invoice.dueDate());
        document.setInvoiceTypeCode(COMMERCIAL_INVOICE);
        document.setDocumentCurrencyCode(invoice.currency().getCurrencyCode());
        document.addInvoicePeriod(period(invoice.periodStart(), invoice.periodEnd()));
        document.setAccountingSupplierParty(PartyMapper.supplier(seller));
        document.setAccountingCustomerParty(PartyMapper.customer(buyer));
        document.addPaymentTerms(paymentTerms(invoice.issueDate(), invoice.dueDate()));
        document.addTaxTotal(taxTotal(tax, invoice.taxAmount(), money));
        document.setLegalMonetaryTotal(monetaryTotal(invoice, money));
        LineMapper lines = new LineMapper(money, tax);
        List<InvoiceLine> invoiceLines = invoice.lines();
        for (int i = 0; i < invoiceLines.size(); i++) {
            document.addInvoiceLine(lines.map(invoiceLines.get(i), i + 1));
        }
        return document;
    }

    /** "Net 30" from the days between issue and due date. */
    static String paymentTermsNote(LocalDate issueDate, LocalDate dueDate) {
        long days = ChronoUnit.DAYS.between(issueDate, dueDate);
        return days > 0 ? "Net " + days : "Due on receipt";
    }

    private static PeriodType period(LocalDate start, LocalDate end) {
        PeriodType period = new PeriodType();
        period.setStartDate(start);
        period.setEndDate(end);
        return period;
    }

    private static PaymentTermsType paymentTerms(LocalDate issueDate, LocalDate dueDate) {
        PaymentTermsType terms = new PaymentTermsType();
        terms.addNote(new NoteType(paymentTermsNote(issueDate, dueDate)));
        return terms;
    }

    private static TaxTotalType taxTotal(TaxBreakdown tax, BigDecimal taxAmount, UblMoney money) {
        TaxTotalType total = new TaxTotalType();
        money.amount(total::setTaxAmount, taxAmount);
        for (TaxBreakdown.Subtotal subtotal : tax.subtotals()) {
            TaxSubtotalType ubl = new TaxSubtotalType();
            money.amount(ubl::setTaxableAmount, subtotal.taxableAmount());
            money.amount(ubl::setTaxAmount, subtotal.taxAmount());
            TaxCategoryType category = new TaxCategoryType();
            category.setID(subtotal.category().code());
            category.setPercent(subtotal.category().percent());
            if (subtotal.exemptionReason() != null) {
                category.addTaxExemptionReason(new TaxExemptionReasonType(subtotal.exemptionReason()));
            }
            category.setTaxScheme(PartyMapper.taxScheme());
            ubl.setTaxCategory(category);
            total.addTaxSubtotal(ubl);
        }
        return total;
    }

    private static MonetaryTotalType monetaryTotal(Invoice invoice, UblMoney money) {
        MonetaryTotalType total = new MonetaryTotalType();
        money.amount(total::setLineExtensionAmount, sumOfLines(invoice));
        money.amount(total::setTaxExclusiveAmount, invoice.subtotal());
        money.amount(total::setTaxInclusiveAmount, invoice.total());
        money.amount(total::setPayableAmount, invoice.total());
        return total;
    }

    /**
     * The document repeats the invoice's figures, so they must agree with each other (BR-16, BR-CO-10, BR-CO-15);
     * a document that silently disagrees with {@code invoices.json} would be worse than none.
     */
    private static void requireConsistent(Invoice invoice) {
        if (invoice.lines().isEmpty()) {
            throw new IllegalArgumentException("Invoice " + invoice.number() + " has no lines (EN 16931 BR-16)");
        }
        BigDecimal lines = sumOfLines(invoice);
        if (lines.compareTo(invoice.subtotal()) != 0) {
            throw new IllegalArgumentException("Invoice " + invoice.number() + " has subtotal "
                    + invoice.subtotal().toPlainString() + " but its lines sum to " + lines.toPlainString());
        }
        BigDecimal total = invoice.subtotal().add(invoice.taxAmount());
        if (total.compareTo(invoice.total()) != 0) {
            throw new IllegalArgumentException("Invoice " + invoice.number() + " has total "
                    + invoice.total().toPlainString() + " but subtotal + tax is " + total.toPlainString());
        }
    }

    private static BigDecimal sumOfLines(Invoice invoice) {
        return invoice.lines().stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
