package io.truecount.export.ubl;

import static org.assertj.core.api.Assertions.assertThat;

import com.helger.ubl21.UBL21Marshaller;
import com.helger.xml.serialize.read.DOMReader;
import io.truecount.core.contract.Company;
import io.truecount.core.contract.Customer;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AllowanceChargeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.InvoiceLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.MonetaryTotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSubtotalType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxTotalType;
import oasis.names.specification.ubl.schema.xsd.invoice_21.InvoiceType;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Writes an invoice and checks what the EN 16931 validator cannot: that the document carries the invoice's own lines,
 * tax and totals, and that every line adds up (OUTPUTS.md: the schematron never checks quantity x price).
 */
final class ConformingDocuments {

    private ConformingDocuments() {}

    /** The written document, read back, after asserting it validates and carries the invoice's figures. */
    static InvoiceType write(Company seller, Customer buyer, Invoice invoice) {
        byte[] xml = new UblInvoiceWriter().toXml(seller, buyer, invoice);
        assertThat(UblConformance.errors(xml)).as("EN 16931 errors").isEmpty();
        assertEveryAmountInCurrency(xml, invoice);
        InvoiceType document = UBL21Marshaller.invoice().read(xml);
        assertThat(document).as("read back").isNotNull();
        assertThat(document.getIDValue()).isEqualTo(invoice.number());
        assertLines(document.getInvoiceLine(), invoice.lines());
        assertTax(document.getTaxTotal(), invoice);
        assertTotals(document.getLegalMonetaryTotal(), invoice);
        return document;
    }

    private static void assertLines(List<InvoiceLineType> written, List<InvoiceLine> lines) {
        assertThat(written).hasSameSizeAs(lines);
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLineType ubl = written.get(i);
            InvoiceLine line = lines.get(i);
            String what = "line " + (i + 1);
            assertThat(ubl.getIDValue()).as(what).isEqualTo(Integer.toString(i + 1));
            assertThat(ubl.getInvoicedQuantityValue()).as(what).isEqualByComparingTo(line.quantity());
            assertThat(ubl.getInvoicedQuantity().getUnitCode())
                    .as(what)
                    .isEqualTo(line.unit().uneceCode());
            assertThat(ubl.getLineExtensionAmountValue()).as(what).isEqualByComparingTo(line.amount());
            assertThat(ubl.getItem().getNameValue()).as(what).isEqualTo(line.description());
            assertThat(ubl.getItem().getSellersItemIdentification().getIDValue())
                    .as(what)
                    .isEqualTo(line.contractId() + "/" + line.lineId());
            assertThat(priceTimesQuantity(ubl).add(charges(ubl)).subtract(allowances(ubl)))
                    .as(what + ": quantity x price - allowance + charge")
                    .isEqualByComparingTo(line.amount());
        }
    }

    private static BigDecimal priceTimesQuantity(InvoiceLineType line) {
        PriceType price = line.getPrice();
        BigDecimal gross = line.getInvoicedQuantityValue().multiply(price.getPriceAmountValue());
        return price.getBaseQuantity() == null
                ? gross
                : gross.divide(price.getBaseQuantityValue(), MathContext.DECIMAL128);
    }

    private static BigDecimal charges(InvoiceLineType line) {
        return sum(line.getAllowanceCharge().stream()
                .filter(ac -> ac.getChargeIndicator().isValue())
                .toList());
    }

    private static BigDecimal allowances(InvoiceLineType line) {
        return sum(line.getAllowanceCharge().stream()
                .filter(ac -> !ac.getChargeIndicator().isValue())
                .toList());
    }

    private static BigDecimal sum(List<AllowanceChargeType> allowanceCharges) {
        return allowanceCharges.stream()
                .map(AllowanceChargeType::getAmountValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void assertTax(List<TaxTotalType> taxTotals, Invoice invoice) {
        assertThat(taxTotals).hasSize(1);
        TaxTotalType taxTotal = taxTotals.get(0);
        assertThat(taxTotal.getTaxAmountValue()).isEqualByComparingTo(invoice.taxAmount());
        List<TaxSubtotalType> subtotals = taxTotal.getTaxSubtotal();
        assertThat(subtotals.stream().map(TaxSubtotalType::getTaxAmountValue).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("tax of the subtotals")
                .isEqualByComparingTo(invoice.taxAmount());
        assertThat(subtotals.stream()
                        .map(TaxSubtotalType::getTaxableAmountValue)
                        .reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("taxable amounts of the subtotals")
                .isEqualByComparingTo(invoice.subtotal());
    }

    private static void assertTotals(MonetaryTotalType totals, Invoice invoice) {
        BigDecimal lines = invoice.lines().stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(totals.getLineExtensionAmountValue()).isEqualByComparingTo(lines);
        assertThat(totals.getTaxExclusiveAmountValue()).isEqualByComparingTo(invoice.subtotal());
        assertThat(totals.getTaxInclusiveAmountValue()).isEqualByComparingTo(invoice.total());
        assertThat(totals.getPayableAmountValue()).isEqualByComparingTo(invoice.total());
    }

    /** Every amount names the invoice currency; every one but a unit price has exactly its minor-unit decimals. */
    private static void assertEveryAmountInCurrency(byte[] xml, Invoice invoice) {
        NodeList elements = DOMReader.readXMLDOM(xml).getElementsByTagNameNS("*", "*");
        int amounts = 0;
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            String name = element.getLocalName();
            if (!name.endsWith("Amount")) {
                continue;
            }
            amounts++;
            assertThat(element.getAttribute("currencyID"))
                    .as(name)
                    .isEqualTo(invoice.currency().getCurrencyCode());
            if (!name.equals("PriceAmount")) {
                assertThat(new BigDecimal(element.getTextContent().trim()).scale())
                        .as(name + " decimals")
                        .isEqualTo(Money.scale(invoice.currency()));
            }
        }
        assertThat(amounts).as("amount elements").isGreaterThan(0);
    }
}
