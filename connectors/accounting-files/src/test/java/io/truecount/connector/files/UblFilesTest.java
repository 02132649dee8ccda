package io.truecount.connector.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.SourceException;
import io.truecount.connector.SourceUnavailableException;
import io.truecount.connector.push.PushReceipt;
import io.truecount.connector.push.SinkConnector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UblFilesTest {

    @TempDir
    Path directory;

    @Test
    void push_writesTheUblInvoiceUnderItsNumber_andAgainTheSameBytes() throws IOException {
        SinkConnector sink = sink();
        var request = FileInvoices.taxable("ZY-2026-10-0001");

        assertThat(sink.find(request)).isEmpty();
        PushReceipt receipt = sink.push(request);
        Path file = directory.resolve("ZY-2026-10-0001.xml");
        byte[] first = Files.readAllBytes(file);
        sink.push(request);

        assertThat(receipt).isEqualTo(new PushReceipt("ZY-2026-10-0001.xml", null, file.toString()));
        assertThat(sink.find(request)).contains(receipt);
        assertThat(Files.readAllBytes(file)).isEqualTo(first);
        assertThat(new String(first, StandardCharsets.UTF_8))
                .contains("<cbc:ID>ZY-2026-10-0001</cbc:ID>")
                .contains("<cbc:TaxExclusiveAmount currencyID=\"USD\">757.74</cbc:TaxExclusiveAmount>")
                .contains("<cbc:PayableAmount currencyID=\"USD\">820.25</cbc:PayableAmount>");
    }

    @Test
    void invoiceWhoseFiguresDisagree_failsForGoodNamingTheInvoice() {
        var wrong = FileInvoices.request(
                "ZY-2026-10-0009", FileInvoices.taxable("x").invoice().lines(), "757.75", "62.51", "820.26");

        assertThatThrownBy(() -> sink().push(wrong))
                .isInstanceOf(SourceException.class)
                .isNotInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("ZY-2026-10-0009");
        assertThat(directory.resolve("ZY-2026-10-0009.xml")).doesNotExist();
    }

    @Test
    void invoiceNumberThatIsNoFileName_isRefusedForGood() {
        for (String number : List.of("../escape", "ZY/2026", "")) {
            assertThatThrownBy(() -> sink().push(FileInvoices.taxable(number)))
                    .isInstanceOf(SourceException.class)
                    .isNotInstanceOf(SourceUnavailableException.class)
                    .hasMessageContaining("cannot be a file name");
        }
    }

    private SinkConnector sink() {
        return new UblFilesConnectorType().createSink(FileSinkTypesTest.settings("ubl-files", directory), null);
    }
}
