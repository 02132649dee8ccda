package io.truecount.connector.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.connector.push.PushReceipt;
import io.truecount.connector.push.SinkConnector;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFilesTest {

    @TempDir
    Path directory;

    @Test
    void golden_handComputedInvoiceWithProratedTimeAndUntaxedLines() throws IOException {
        SinkConnector sink = sink();

        PushReceipt receipt = sink.push(FileInvoices.mixed("ZY-2026-10-0001"));

        Path file = directory.resolve("ZY-2026-10-0001.csv");
        assertThat(receipt).isEqualTo(new PushReceipt("ZY-2026-10-0001.csv", null, file.toString()));
        String common = "ZY-2026-10-0001,acme,\"Acme Dental, Inc.\",2026-11-01,2026-12-01,USD,";
        String totals = ",8.25,S,1320.24,88.29,1408.53\r\n";
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo("InvoiceNumber,CustomerId,CustomerName,IssueDate,DueDate,Currency,LineNumber,Description,"
                        + "Quantity,UnitPrice,LineAmount,Taxable,TaxRate,TaxCategory,InvoiceSubtotal,InvoiceTax,"
                        + "InvoiceTotal\r\n"
                        + common + "1,Managed workstations,12,45.00,540.00,true" + totals
                        + common + "2,Managed servers (prorated),3,,217.74,true" + totals
                        + common + "3,\"Onboarding, \"\"Gold\"\" package\",1,250.00,250.00,false" + totals
                        + common + "4,Remote support (time),2.5,,312.50,true" + totals);
    }

    @Test
    void lineAmounts_addUpToTheSubtotal() throws IOException {
        sink().push(FileInvoices.mixed("ZY-2026-10-0002"));

        try (Stream<String> rows = Files.lines(directory.resolve("ZY-2026-10-0002.csv"))) {
            BigDecimal sum = rows.skip(1)
                    .map(row -> row.replaceAll("\"([^\"]|\"\")*\"", "q").split(",")[10])
                    .map(BigDecimal::new)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).isEqualByComparingTo("1320.24");
        }
    }

    @Test
    void quoting_followsRfc4180() {
        assertThat(CsvInvoiceWriter.field("plain text")).isEqualTo("plain text");
        assertThat(CsvInvoiceWriter.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvInvoiceWriter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvInvoiceWriter.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        assertThat(CsvInvoiceWriter.field("Müller – Zürich")).isEqualTo("Müller – Zürich");
    }

    @Test
    void numbers_keepTheCurrencyScaleWithoutRoundingAgain() {
        assertThat(CsvInvoiceWriter.money(new BigDecimal("540"), 2)).isEqualTo("540.00");
        assertThat(CsvInvoiceWriter.money(new BigDecimal("0.125"), 2)).isEqualTo("0.125");
        assertThat(CsvInvoiceWriter.money(new BigDecimal("1E+3"), 0)).isEqualTo("1000");
        assertThat(CsvInvoiceWriter.plain(new BigDecimal("2.50"))).isEqualTo("2.5");
        assertThat(CsvInvoiceWriter.plain(new BigDecimal("1E+2"))).isEqualTo("100");
    }

    @Test
    void findBeforeAndAfter_andPushingAgainWritesTheSameBytesWithoutLeftovers() throws IOException {
        SinkConnector sink = sink();
        var request = FileInvoices.mixed("ZY-2026-10-0003");

        assertThat(sink.find(request)).isEmpty();
        PushReceipt first = sink.push(request);
        byte[] written = Files.readAllBytes(directory.resolve("ZY-2026-10-0003.csv"));
        PushReceipt second = sink.push(request);

        assertThat(second).isEqualTo(first);
        assertThat(sink.find(request)).contains(first);
        assertThat(Files.readAllBytes(directory.resolve("ZY-2026-10-0003.csv"))).isEqualTo(written);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("ZY-2026-10-0003.csv");
        }
    }

    private SinkConnector sink() {
        return new CsvFilesConnectorType().createSink(FileSinkTypesTest.settings("csv-files", directory), null);
    }
}
