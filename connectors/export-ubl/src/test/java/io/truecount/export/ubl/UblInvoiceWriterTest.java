package io.truecount.export.ubl;

import static io.truecount.export.ubl.TestInvoices.BUYER_ADDRESS;
import static io.truecount.export.ubl.TestInvoices.JPY;
import static io.truecount.export.ubl.TestInvoices.SALES_TAX;
import static io.truecount.export.ubl.TestInvoices.SELLER;
import static io.truecount.export.ubl.TestInvoices.USD;
import static io.truecount.export.ubl.TestInvoices.customer;
import static io.truecount.export.ubl.TestInvoices.invoice;
import static io.truecount.export.ubl.TestInvoices.perUnit;
import static io.truecount.export.ubl.TestInvoices.prorated;
import static io.truecount.export.ubl.TestInvoices.withFigures;
import static io.truecount.export.ubl.TestInvoices.withoutUnitPrice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.core.contract.Address;
import io.truecount.core.contract.TaxRule;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.InvoiceLine.Unit;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.List;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AddressType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AllowanceChargeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.InvoiceLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import org.junit.jupiter.api.Test;

class UblInvoiceWriterTest {

    @Test
    void standardRated_severalLinesWithProration_conformsAndAddsUp() {
        InvoiceLine servers = prorated("servers", "3", "125.00", 17, 31, USD);
        Invoice invoice = invoice(
                "ZY-202610-00001",
                USD,
                SALES_TAX,
                perUnit("workstations", "18", Unit.EACH, "45.00", true),
                servers,
                perUnit("backup", "1", Unit.MONTH, "250.00", true),
                perUnit("onsite", "2.5", Unit.HOUR, "95.00", true));

        InvoiceType document = ConformingDocuments.write(SELLER, customer(SALES_TAX), invoice);

        InvoiceLineType proratedLine = document.getInvoiceLine().get(1);
        assertThat(proratedLine.getPrice().getPriceAmountValue()).isEqualByComparingTo(servers.unitPrice());
        assertThat(proratedLine.getAllowanceCharge()).singleElement().satisfies(allowance -> {
            assertThat(allowance.getChargeIndicator().isValue()).isFalse();
            assertThat(allowance.getAllowanceChargeReason().get(0).getValue())
                    .isEqualTo("Proration for a partial period");
            assertThat(allowance.getAmountValue())
                    .isEqualByComparingTo(
                            servers.quantity().multiply(servers.unitPrice()).subtract(servers.amount()));
        });
        assertThat(document.getInvoiceLine().get(0).getAllowanceCharge()).isEmpty();
        assertThat(subtotals(document)).singleElement().satisfies(subtotal -> {
            assertThat(subtotal.getTaxCategory().getIDValue()).isEqualTo("S");
            assertThat(subtotal.getTaxCategory().getPercentValue()).isEqualByComparingTo(SALES_TAX.ratePercent());
        });
    }

    @Test
    void header_carriesNumberDatesPeriodCurrencyAndPaymentTerms() {
        Invoice invoice = invoice("ZY-202610-00002", USD, SALES_TAX, perUnit("backup", "1", Unit.MONTH, "250", true));

        InvoiceType document = ConformingDocuments.write(SELLER, customer(SALES_TAX), invoice);

        assertThat(document.getCustomizationIDValue()).isEqualTo("urn:cen.eu:en16931:2017");
        assertThat(document.getInvoiceTypeCodeValue()).isEqualTo("380");
        assertThat(document.getDocumentCurrencyCodeValue()).isEqualTo("USD");
        assertThat(document.getIssueDateValueLocal()).isEqualTo(invoice.issueDate());
        assertThat(document.getDueDateValueLocal()).isEqualTo(invoice.dueDate());
        assertThat(document.getInvoicePeriod().get(0).getStartDateValueLocal()).isEqualTo(invoice.periodStart());
        assertThat(document.getInvoicePeriod().get(0).getEndDateValueLocal()).isEqualTo(invoice.periodEnd());
        long days = ChronoUnit.DAYS.between(invoice.issueDate(), invoice.dueDate());
        assertThat(document.getPaymentTerms().get(0).getNote().get(0).getValue())
                .isEqualTo("Net " + days);
        assertThat(document.getAccountingSupplierParty()
                        .getParty()
                        .getPartyTaxScheme()
                        .get(0)
                        .getCompanyIDValue())
                .isEqualTo(SELLER.taxId());
        assertThat(document.getAccountingCustomerParty()
                        .getParty()
                        .getPartyLegalEntity()
                        .get(0)
                        .getRegistrationNameValue())
                .isEqualTo(customer(SALES_TAX).name());
    }

    @Test
    void zeroRatedCustomer_hasOneZSubtotalWithoutTax() {
        Invoice invoice =
                invoice("ZY-202610-00003", USD, TaxRule.NONE, perUnit("users", "12", Unit.EACH, "6.50", true));

        InvoiceType document = ConformingDocuments.write(SELLER, customer(TaxRule.NONE), invoice);

        assertThat(subtotals(document)).singleElement().satisfies(subtotal -> {
            assertThat(subtotal.getTaxCategory().getIDValue()).isEqualTo("Z");
            assertThat(subtotal.getTaxAmountValue()).isZero();
        });
        assertThat(lineCategory(document, 0).getIDValue()).isEqualTo("Z");
    }

    @Test
    void exemptCustomer_subtotalCarriesTheRulesReason() {
        TaxRule exempt = new TaxRule(BigDecimal.ZERO, "E", "Exempt under IRC 501(c)(3)");
        Invoice invoice = invoice("ZY-202610-00004", USD, exempt, perUnit("workstations", "4", Unit.EACH, "45", true));

        InvoiceType document = ConformingDocuments.write(SELLER, customer(exempt), invoice);

        TaxCategoryType category = subtotals(document).get(0).getTaxCategory();
        assertThat(category.getIDValue()).isEqualTo("E");
        assertThat(category.getTaxExemptionReason()).singleElement().satisfies(reason -> assertThat(reason.getValue())
                .isEqualTo(exempt.exemptionReason()));
    }

    @Test
    void taxableAndNonTaxableLines_splitIntoStandardAndExemptSubtotals() {
        InvoiceLine taxable = perUnit("workstations", "18", Unit.EACH, "45.00", true);
        InvoiceLine notTaxable = perUnit("hardware-pass-through", "2", Unit.EACH, "310.00", false);
        Invoice invoice = invoice("ZY-202610-00005", USD, SALES_TAX, taxable, notTaxable);

        InvoiceType document = ConformingDocuments.write(SELLER, customer(SALES_TAX), invoice);

        assertThat(subtotals(document)).hasSize(2);
        TaxSubtotalType standard = subtotals(document).get(0);
        TaxSubtotalType exempt = subtotals(document).get(1);
        assertThat(standard.getTaxCategory().getIDValue()).isEqualTo("S");
        assertThat(standard.getTaxableAmountValue()).isEqualByComparingTo(taxable.amount());
        assertThat(standard.getTaxAmountValue()).isEqualByComparingTo(invoice.taxAmount());
        assertThat(exempt.getTaxCategory().getIDValue()).isEqualTo("E");
        assertThat(exempt.getTaxableAmountValue()).isEqualByComparingTo(notTaxable.amount());
        assertThat(exempt.getTaxAmountValue()).isZero();
        assertThat(exempt.getTaxCategory().getTaxExemptionReason().get(0).getValue())
                .isEqualTo("Not subject to tax");
        assertThat(lineCategory(document, 1).getIDValue()).isEqualTo("E");
    }

    @Test
    void lineWithoutUnitPrice_isPricedForTheWholeQuantity() {
        InvoiceLine tiered = withoutUnitPrice("workstations", "23", Unit.EACH, "1012.50");
        Invoice invoice = invoice("ZY-202610-00006", USD, SALES_TAX, tiered);

        InvoiceType document = ConformingDocuments.write(SELLER, customer(SALES_TAX), invoice);

        InvoiceLineType line = document.getInvoiceLine().get(0);
        assertThat(line.getPrice().getPriceAmountValue()).isEqualByComparingTo(tiered.amount());
        assertThat(line.getPrice().getBaseQuantityValue()).isEqualByComparingTo(tiered.quantity());
        assertThat(line.getPrice().getBaseQuantity().getUnitCode()).isEqualTo(Unit.EACH.uneceCode());
        assertThat(line.getAllowanceCharge()).isEmpty();
    }

    @Test
    void yenInvoice_writesAmountsWithoutDecimals() {
        TaxRule consumptionTax = new TaxRule(BigDecimal.TEN, "S", null);
        Invoice invoice = invoice(
                "ZY-202610-00007",
                JPY,
                consumptionTax,
                perUnit("workstations", "7", Unit.EACH, "5000", true),
                prorated("servers", "3", "12000", 13, 31, JPY));

        InvoiceType document = ConformingDocuments.write(SELLER, customer(consumptionTax, BUYER_ADDRESS, JPY), invoice);

        assertThat(document.getLegalMonetaryTotal().getPayableAmountValue().scale())
                .isZero();
        List<AllowanceChargeType> proration = document.getInvoiceLine().get(1).getAllowanceCharge();
        assertThat(proration).singleElement().satisfies(allowance -> assertThat(
                        allowance.getAmountValue().scale())
                .isZero());
    }

    @Test
    void buyerAddressWithoutPostalCodeOrRegion_leavesThemOut() {
        Address sparse = new Address("9 Elm Rd", null, "Springfield", null, null, "US");
        Invoice invoice = invoice("ZY-202610-00008", USD, SALES_TAX, perUnit("backup", "1", Unit.MONTH, "250", true));

        InvoiceType document = ConformingDocuments.write(SELLER, customer(SALES_TAX, sparse, USD), invoice);

        AddressType address = document.getAccountingCustomerParty().getParty().getPostalAddress();
        assertThat(address.getPostalZone()).isNull();
        assertThat(address.getCountrySubentity()).isNull();
        assertThat(address.getStreetNameValue()).isEqualTo(sparse.line1());
        assertThat(address.getCountry().getIdentificationCodeValue()).isEqualTo(sparse.country());
    }

    @Test
    void write_putsTheSameDocumentOnTheStream() {
        Invoice invoice = invoice("ZY-202610-00009", USD, SALES_TAX, perUnit("backup", "1", Unit.MONTH, "250", true));
        UblInvoiceWriter writer = new UblInvoiceWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        writer.write(SELLER, customer(SALES_TAX), invoice, out);

        assertThat(out.toByteArray()).isEqualTo(writer.toXml(SELLER, customer(SALES_TAX), invoice));
    }

    @Test
    void subtotalDisagreeingWithLines_isRejected() {
        Invoice valid = invoice("ZY-202610-00010", USD, SALES_TAX, perUnit("backup", "1", Unit.MONTH, "250", true));
        Invoice wrong = withFigures(valid, valid.subtotal().add(BigDecimal.ONE), valid.taxAmount());

        assertThatThrownBy(() -> new UblInvoiceWriter().toXml(SELLER, customer(SALES_TAX), wrong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(valid.number())
                .hasMessageContaining("subtotal");
    }

    @Test
    void amountWithMoreDecimalsThanTheCurrency_isRejected() {
        InvoiceLine fractionalYen = perUnit("workstations", "3", Unit.EACH, "33.5", true);
        Invoice invoice = invoice("ZY-202610-00011", JPY, SALES_TAX, fractionalYen);

        assertThatThrownBy(() -> new UblInvoiceWriter().toXml(SELLER, customer(SALES_TAX), invoice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JPY");
    }

    private static List<TaxSubtotalType> subtotals(InvoiceType document) {
        return document.getTaxTotal().get(0).getTaxSubtotal();
    }

    private static TaxCategoryType lineCategory(InvoiceType document, int index) {
        return document.getInvoiceLine()
                .get(index)
                .getItem()
                .getClassifiedTaxCategory()
                .get(0);
    }
}
