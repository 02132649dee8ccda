package io.truecount.connector.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.SourceException;
import io.truecount.connector.json.Json;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine.Unit;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class XeroInvoiceBodyTest {

    private final XeroInvoiceBody bodies = new XeroInvoiceBody("xero", new XeroOptions("AUTHORISED", "200", "OUTPUT"));

    @Test
    void exactLine_keepsQuantityAndUnitPrice() {
        XeroLine line = bodies.lines(TestInvoices.october()).get(0);

        assertThat(line.description()).isEqualTo("Managed workstation");
        assertThat(line.quantity()).isEqualByComparingTo("18");
        assertThat(line.unitAmount()).isEqualByComparingTo("45.00");
        assertThat(line.lineAmount()).isEqualByComparingTo("810.00");
        assertThat(line.taxType()).isEqualTo("OUTPUT");
    }

    @Test
    void proratedLine_isOneUnitAtTheAmount_withTheQuantityInTheDescription() {
        XeroLine line = bodies.lines(TestInvoices.october()).get(1);

        assertThat(line.description()).isEqualTo("Managed server (quantity 3 at 150.00)");
        assertThat(line.quantity()).isEqualByComparingTo("1");
        assertThat(line.unitAmount()).isEqualByComparingTo("246.77");
        assertThat(line.lineAmount()).isEqualByComparingTo("246.77");
    }

    @Test
    void lineWithoutUnitPrice_isOneUnitAtTheAmount() {
        XeroLine line = bodies.lines(TestInvoices.october()).get(2);

        assertThat(line.description()).isEqualTo("Cloud backup (quantity 25)");
        assertThat(line.quantity()).isEqualByComparingTo("1");
        assertThat(line.unitAmount()).isEqualByComparingTo("412.50");
    }

    @Test
    void productThatRoundsToTheAmount_keepsQuantityAndPrice() {
        // 1.5 x 33.33 = 49.995, which Xero rounds to 50.00 as we did.
        XeroLine line = bodies.lines(TestInvoices.october()).get(4);

        assertThat(line.quantity()).isEqualByComparingTo("1.5");
        assertThat(line.unitAmount()).isEqualByComparingTo("33.33");
        assertThat(line.lineAmount()).isEqualByComparingTo("50.00");
    }

    @Test
    void unitPriceWithMoreThanFourDecimals_isOneUnitAtTheAmount() {
        Invoice invoice = TestInvoices.invoice(
                List.of(TestInvoices.line("x", "Hours", "3", Unit.HOUR, "33.33333", "100.00", false)),
                "100.00",
                "0.00",
                "100.00");

        XeroLine line = bodies.lines(invoice).get(0);

        assertThat(line.description()).isEqualTo("Hours (3 hours at 33.33333)");
        assertThat(line.quantity()).isEqualByComparingTo("1");
        assertThat(line.unitAmount()).isEqualByComparingTo("100.00");
    }

    @Test
    void taxShares_addUpToOurTax_whereXerosPerLineRoundingWouldNot() {
        // Xero's own per-line tax would be 66.83 + 20.36 + 34.03 + 4.13 = 125.35; ours is 125.34.
        List<XeroLine> lines = bodies.lines(TestInvoices.october());

        assertThat(lines)
                .extracting(XeroLine::taxAmount)
                .containsExactly(
                        new BigDecimal("66.83"),
                        new BigDecimal("20.36"),
                        new BigDecimal("34.03"),
                        new BigDecimal("0.00"),
                        new BigDecimal("4.12"));
        assertThat(lines.get(3).taxType()).isEqualTo("NONE");
        assertThat(lines.stream().map(XeroLine::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("125.34");
        assertThat(lines.stream().map(XeroLine::lineAmount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("1733.02");
    }

    @Test
    void body_isTheCreateInvoicesShape_withPlainDecimals() throws Exception {
        byte[] bytes = bodies.of(TestInvoices.request(TestInvoices.october(), TestInvoices.CONTACT_ID));
        JsonNode invoice = Json.parse(bytes).path("Invoices").path(0);

        assertThat(invoice.path("Type").asText()).isEqualTo("ACCREC");
        assertThat(invoice.path("Contact").path("ContactID").asText()).isEqualTo(TestInvoices.CONTACT_ID);
        assertThat(invoice.path("Date").asText()).isEqualTo("2026-10-01");
        assertThat(invoice.path("DueDate").asText()).isEqualTo("2026-10-31");
        assertThat(invoice.path("InvoiceNumber").asText()).isEqualTo("ZY-202610-00001");
        assertThat(invoice.path("Reference").asText()).isEqualTo("truecount 2026-10");
        assertThat(invoice.path("LineAmountTypes").asText()).isEqualTo("Exclusive");
        assertThat(invoice.path("Status").asText()).isEqualTo("AUTHORISED");
        assertThat(invoice.path("CurrencyCode").asText()).isEqualTo("USD");
        assertThat(invoice.path("LineItems")).hasSize(5);
        assertThat(invoice.path("LineItems").path(0).path("AccountCode").asText())
                .isEqualTo("200");
        assertThat(new String(bytes)).contains("\"UnitAmount\":45.00").doesNotContain("E+");
    }

    @Test
    void sameRequest_sameBytes() {
        var request = TestInvoices.request(TestInvoices.october(), TestInvoices.CONTACT_ID);

        assertThat(bodies.of(request)).isEqualTo(bodies.of(request));
    }

    @Test
    void options_setStatusAccountAndTaxType() throws Exception {
        XeroInvoiceBody draft = new XeroInvoiceBody("xero", new XeroOptions("DRAFT", "4000", "TAX001"));

        JsonNode invoice = Json.parse(draft.of(TestInvoices.request(TestInvoices.october(), TestInvoices.CONTACT_ID)))
                .path("Invoices")
                .path(0);

        assertThat(invoice.path("Status").asText()).isEqualTo("DRAFT");
        assertThat(invoice.path("LineItems").findValuesAsText("AccountCode")).containsOnly("4000");
        assertThat(invoice.path("LineItems").findValuesAsText("TaxType"))
                .containsExactly("TAX001", "TAX001", "TAX001", "NONE", "TAX001");
    }

    @Test
    void contactThatIsNotAUuid_isRefusedBeforeSending() {
        assertThatThrownBy(() -> bodies.of(TestInvoices.request(TestInvoices.october(), "58")))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("customers.acme.accounting.xero must be a Xero ContactID (a UUID), not '58'");
    }

    @Test
    void invoiceWhoseLinesDoNotAddUp_isRefusedBeforeSending() {
        Invoice broken = TestInvoices.invoice(
                List.of(TestInvoices.line("a", "A", "1", Unit.EACH, "10.00", "10.00", true)), "10.01", "0.83", "10.84");

        assertThatThrownBy(() -> bodies.lines(broken))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("lines add up to 10.00");
    }
}
