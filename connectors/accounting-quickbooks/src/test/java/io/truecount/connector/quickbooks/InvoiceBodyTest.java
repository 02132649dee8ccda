package io.truecount.connector.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.SourceException;
import io.truecount.connector.json.Json;
import io.truecount.connector.push.PushRequest;
import io.truecount.core.invoice.Invoice;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class InvoiceBodyTest {

    private static JsonNode body(PushRequest request) throws Exception {
        return Json.parse(InvoiceBody.of(request, "7", "qbo"));
    }

    @Test
    void header_carriesCustomerNumberDatesEmailAndOurMark() throws Exception {
        JsonNode body = body(Invoices.request(Invoices.invoice("ZY-202610-00001")));

        assertThat(body.path("CustomerRef").path("value").asText()).isEqualTo("58");
        assertThat(body.path("DocNumber").asText()).isEqualTo("ZY-202610-00001");
        assertThat(body.path("TxnDate").asText()).isEqualTo("2026-10-01");
        assertThat(body.path("DueDate").asText()).isEqualTo("2026-10-31");
        assertThat(body.path("BillEmail").path("Address").asText()).isEqualTo("ap@acme.example");
        assertThat(body.path("PrivateNote").asText()).isEqualTo("truecount ZY-202610-00001");
        assertThat(body.path("CurrencyRef").path("value").asText()).isEqualTo("USD");
    }

    @Test
    void amounts_addUpToOurTotal_andEveryLineSatisfiesQuickBooksArithmetic() throws Exception {
        Invoice invoice = Invoices.invoice("ZY-202610-00001");
        JsonNode body = body(Invoices.request(invoice));

        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : body.path("Line")) {
            JsonNode detail = line.path("SalesItemLineDetail");
            assertThat(detail.path("Qty")
                            .decimalValue()
                            .multiply(detail.path("UnitPrice").decimalValue()))
                    .isEqualByComparingTo(line.path("Amount").decimalValue());
            assertThat(detail.path("ItemRef").path("value").asText()).isEqualTo("7");
            sum = sum.add(line.path("Amount").decimalValue());
        }
        BigDecimal tax = body.path("TxnTaxDetail").path("TotalTax").decimalValue();
        assertThat(tax).isEqualByComparingTo(invoice.taxAmount());
        assertThat(sum.add(tax)).isEqualByComparingTo(invoice.total());
        assertThat(body.path("Line"))
                .extracting(l -> l.path("SalesItemLineDetail")
                        .path("TaxCodeRef")
                        .path("value")
                        .asText())
                .containsExactly("TAX", "TAX", "NON");
    }

    @Test
    void amounts_areWrittenAsPlainDecimals() {
        String json = new String(InvoiceBody.of(Invoices.request(Invoices.invoice("ZY-202610-00001")), "1", "qbo"));

        assertThat(json)
                .contains("\"Amount\":540.00")
                .contains("\"TotalTax\":70.90")
                .doesNotContain("E+");
    }

    @Test
    void sameRequest_givesTheSameBytes() {
        PushRequest request = Invoices.request(Invoices.invoice("ZY-202610-00001"));

        assertThat(InvoiceBody.of(request, "1", "qbo")).isEqualTo(InvoiceBody.of(request, "1", "qbo"));
    }

    @Test
    void withoutBillingEmail_sendsNoBillEmail() throws Exception {
        Invoice invoice = Invoices.invoice("ZY-202610-00001");
        PushRequest request = new PushRequest(
                "truecount-ZY-202610-00001-qbo", invoice, Invoices.COMPANY, Invoices.customer(null), "58");

        assertThat(body(request).has("BillEmail")).isFalse();
    }

    @Test
    void numberLongerThanDocNumberAllows_failsThePushWithAClearMessage() {
        PushRequest request = Invoices.request(Invoices.invoice("ZYLKER-MSP-202610-00001"));

        assertThatThrownBy(() -> InvoiceBody.of(request, "1", "qbo"))
                .isInstanceOf(SourceException.class)
                .hasMessage("connector 'qbo': invoice number ZYLKER-MSP-202610-00001 is longer than the 21 characters"
                        + " QuickBooks keeps in DocNumber; shorten company.invoice-prefix");
    }
}
