package io.truecount.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.core.billing.PrepaidStatement;
import io.truecount.core.contract.TaxRule;
import io.truecount.core.invoice.CreditNote;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.InvoiceStatus;
import io.truecount.core.invoice.SourceRef;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The export extensions (docs/outputs.md): line sources, credit notes, prepaid-hours.json. */
class ExportJsonTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Currency USD = Currency.getInstance("USD");
    private static final TaxRule TAX = new TaxRule(new BigDecimal("8.25"), "S", null);

    private interface Writing {
        void to(JsonGenerator json) throws IOException;
    }

    private static JsonNode json(Writing writing) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
            writing.to(json);
        }
        return new ObjectMapper().readTree(text.toString());
    }

    private static InvoiceLine line(String lineId, String quantity, String amount, List<SourceRef> sources) {
        return new InvoiceLine(
                "managed",
                lineId,
                "Managed " + lineId,
                new BigDecimal(quantity),
                InvoiceLine.Unit.EACH,
                new BigDecimal("45"),
                new BigDecimal(amount),
                true,
                sources);
    }

    private static Invoice invoice(List<InvoiceLine> lines) {
        return new Invoice(
                "ZY-202610-00001",
                "acme",
                OCTOBER,
                USD,
                InvoiceStatus.POSTED,
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 12, 1),
                OCTOBER.atDay(1),
                OCTOBER.atEndOfMonth(),
                lines,
                TAX,
                new BigDecimal("90"),
                new BigDecimal("7.43"),
                new BigDecimal("97.43"));
    }

    @Test
    void lineSources_areListedInOrder_andOmittedWhenALineHasNone() throws IOException {
        List<SourceRef> sources = List.of(
                new SourceRef(SourceRef.ASSET, "ninja", "1042", "ACME-PC-07"),
                new SourceRef(SourceRef.TIME_ENTRY, "cw", "77", "T-19 1.5 h"));
        Invoice invoice =
                invoice(List.of(line("workstations", "2", "90.00", sources), line("setup", "1", "0", List.of())));

        JsonNode root = json(json -> InvoicesJson.write(json, OCTOBER, List.of(invoice), List.of()));

        JsonNode lines = root.get("invoices").get(0).get("lines");
        assertThat(lines.get(0).get("sources")).hasSize(2);
        assertThat(lines.get(0).get("sources").get(0).toString())
                .isEqualTo("{\"type\":\"asset\",\"connector\":\"ninja\",\"id\":\"1042\",\"label\":\"ACME-PC-07\"}");
        assertThat(lines.get(0).get("sources").get(1).get("type").asText()).isEqualTo("time-entry");
        assertThat(lines.get(1).has("sources")).isFalse();
        assertThat(lines.get(1).get("amount").asText()).isEqualTo("0.00");
        assertThat(root.has("creditNotes")).as("no credit notes, no key").isFalse();
    }

    @Test
    void creditNotes_carryTheirInvoice_reason_linesAndTotals() throws IOException {
        Invoice invoice = invoice(List.of(line("workstations", "2", "90", List.of())));
        CreditNote note = new CreditNote(
                "ZY-CN-202610-00001",
                invoice.number(),
                "acme",
                OCTOBER,
                USD,
                LocalDate.of(2026, 11, 20),
                invoice.lines(),
                TAX,
                invoice.subtotal(),
                invoice.taxAmount(),
                invoice.total(),
                "wrong device count");

        JsonNode root = json(json -> InvoicesJson.write(json, OCTOBER, List.of(), List.of(note)));

        assertThat(root.get("invoices")).isEmpty();
        JsonNode written = root.get("creditNotes").get(0);
        assertThat(written.get("number").asText()).isEqualTo("ZY-CN-202610-00001");
        assertThat(written.get("invoice").asText()).isEqualTo("ZY-202610-00001");
        assertThat(written.get("customer").asText()).isEqualTo("acme");
        assertThat(written.get("currency").asText()).isEqualTo("USD");
        assertThat(written.get("issueDate").asText()).isEqualTo("2026-11-20");
        assertThat(written.get("reason").asText()).isEqualTo("wrong device count");
        assertThat(written.get("lines").get(0).get("amount").asText()).isEqualTo("90.00");
        assertThat(written.get("lines").get(0).get("unitPrice").asText()).isEqualTo("45.00");
        assertThat(written.get("subtotal").asText()).isEqualTo("90.00");
        assertThat(written.get("tax").asText()).isEqualTo("7.43");
        assertThat(written.get("total").asText()).isEqualTo("97.43");
    }

    @Test
    void prepaidHours_listEveryBalanceWithItsMonths_hoursAsPlainDecimals() throws IOException {
        PrepaidStatement beta = new PrepaidStatement(
                "beta",
                "beta-support",
                "hours",
                List.of(
                        new PrepaidStatement.Month(
                                YearMonth.of(2026, 9),
                                new BigDecimal("10.00"),
                                BigDecimal.ZERO,
                                new BigDecimal("12.25"),
                                new BigDecimal("2.25"),
                                new BigDecimal("0.00")),
                        new PrepaidStatement.Month(
                                OCTOBER,
                                BigDecimal.ZERO,
                                new BigDecimal("20"),
                                new BigDecimal("4.5"),
                                BigDecimal.ZERO,
                                new BigDecimal("15.50"))));
        PrepaidStatement acme = new PrepaidStatement(
                "acme",
                "acme-block",
                "prepaid",
                List.of(new PrepaidStatement.Month(
                        OCTOBER,
                        new BigDecimal("5"),
                        BigDecimal.ZERO,
                        new BigDecimal("7.75"),
                        BigDecimal.ZERO,
                        new BigDecimal("-2.75"))));

        JsonNode root = json(json -> PrepaidHoursJson.write(json, OCTOBER, List.of(beta, acme)));

        assertThat(root.get("period").asText()).isEqualTo("2026-10");
        JsonNode balances = root.get("balances");
        assertThat(balances).extracting(b -> b.get("customer").asText()).containsExactly("acme", "beta");
        assertThat(balances.get(0).get("balance").asText()).isEqualTo("-2.75");
        JsonNode second = balances.get(1);
        assertThat(second.get("contract").asText()).isEqualTo("beta-support");
        assertThat(second.get("line").asText()).isEqualTo("hours");
        assertThat(second.get("balance").asText()).isEqualTo("15.5");
        assertThat(second.get("months").get(0).toString())
                .isEqualTo("{\"month\":\"2026-09\",\"opening\":\"10\",\"toppedUp\":\"0\",\"used\":\"12.25\","
                        + "\"overage\":\"2.25\",\"closing\":\"0\"}");
    }

    @Test
    void prepaidHours_withoutBalances_isAnEmptyList() throws IOException {
        JsonNode root = json(json -> PrepaidHoursJson.write(json, OCTOBER, List.of()));
        assertThat(root.get("balances").isArray()).isTrue();
        assertThat(root.get("balances")).isEmpty();
    }
}
