package io.truecount.export.ubl;

import static io.truecount.export.ubl.TestInvoices.SALES_TAX;
import static io.truecount.export.ubl.TestInvoices.SELLER;
import static io.truecount.export.ubl.TestInvoices.USD;
import static io.truecount.export.ubl.TestInvoices.customer;
import static io.truecount.export.ubl.TestInvoices.invoice;
import static io.truecount.export.ubl.TestInvoices.perUnit;
import static org.assertj.core.api.Assertions.assertThat;

import com.helger.xml.serialize.read.DOMReader;
import com.helger.xml.serialize.write.XMLWriter;
import io.truecount.core.invoice.InvoiceLine.Unit;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Proves the validator is active: documents broken on purpose must fail it, each at the layer that checks them. */
class UblConformanceTest {

    private static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

    @Test
    void writtenInvoice_hasNoErrors() {
        assertThat(UblConformance.errors(validXml())).isEmpty();
    }

    @Test
    void sellerWithoutTaxRegistration_failsTheEn16931Schematron() {
        Document document = DOMReader.readXMLDOM(validXml());
        Element supplier = (Element)
                document.getElementsByTagNameNS(CAC, "AccountingSupplierParty").item(0);
        Node registration =
                supplier.getElementsByTagNameNS(CAC, "PartyTaxScheme").item(0);
        registration.getParentNode().removeChild(registration);

        assertThat(UblConformance.errors(XMLWriter.getNodeAsBytes(document)))
                .anySatisfy(error -> assertThat(error).contains("BR-S-02"));
    }

    @Test
    void elementOutsideTheUblSchema_failsTheXsd() {
        String xml = new String(validXml(), StandardCharsets.UTF_8)
                .replace("<cbc:DocumentCurrencyCode>", "<cbc:Currency>USD</cbc:Currency><cbc:DocumentCurrencyCode>");

        assertThat(UblConformance.errors(xml.getBytes(StandardCharsets.UTF_8)))
                .anySatisfy(
                        error -> assertThat(error).contains("cvc-complex-type").contains("Currency"));
    }

    @Test
    void notXml_isReportedNotThrown() {
        assertThat(UblConformance.errors("not xml".getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
    }

    private static byte[] validXml() {
        return new UblInvoiceWriter()
                .toXml(
                        SELLER,
                        customer(SALES_TAX),
                        invoice(
                                "ZY-202610-00001",
                                USD,
                                SALES_TAX,
                                perUnit("workstations", "18", Unit.EACH, "45", true)));
    }
}
