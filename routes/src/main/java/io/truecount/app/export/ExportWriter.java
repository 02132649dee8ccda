package io.truecount.app.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.truecount.app.config.ActiveConfig;
import io.truecount.core.billing.PrepaidStatement;
import io.truecount.core.contract.Customer;
import io.truecount.core.invoice.CreditNote;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.reconciliation.ReconciliationItem;
import io.truecount.export.ubl.UblInvoiceWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Writes a cycle's exports (OUTPUTS.md): {@code invoices.json}, {@code reconciliation.json} and one UBL 2.1 invoice
 * per invoice under {@code invoices/}, plus the extension {@code prepaid-hours.json} (docs/outputs.md). UBL files of
 * invoices no longer in the export are removed, so the folder always matches {@code invoices.json}.
 */
@Component
public class ExportWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final ActiveConfig config;
    private final UblInvoiceWriter ubl = new UblInvoiceWriter();

    ExportWriter(ActiveConfig config) {
        this.config = config;
    }

    /** What was written where. */
    public record Written(
            Path invoicesJson, Path reconciliationJson, Path prepaidHoursJson, Path ublDirectory, int ublFiles) {}

    /**
     * @param invoices the period's current invoices, in customer order
     * @param creditNotes credit notes of the period's invoices, in number order
     * @param prepaid every prepaid-hours balance at the end of the period (written even when empty)
     */
    public Written write(
            Path dir,
            YearMonth period,
            List<Invoice> invoices,
            List<CreditNote> creditNotes,
            List<ReconciliationItem> items,
            List<PrepaidStatement> prepaid) {
        Path invoicesJson = dir.resolve("invoices.json");
        Path reconciliationJson = dir.resolve("reconciliation.json");
        Path prepaidJson = dir.resolve("prepaid-hours.json");
        Path ublDir = dir.resolve("invoices");
        ExportFiles.writeAtomically(invoicesJson, out -> {
            try (JsonGenerator json = pretty(JSON.createGenerator(out, JsonEncoding.UTF8))) {
                InvoicesJson.write(json, period, invoices, creditNotes);
            }
        });
        ExportFiles.writeAtomically(prepaidJson, out -> {
            try (JsonGenerator json = pretty(JSON.createGenerator(out, JsonEncoding.UTF8))) {
                PrepaidHoursJson.write(json, period, prepaid);
            }
        });
        ExportFiles.writeAtomically(reconciliationJson, out -> {
            try (JsonGenerator json = pretty(JSON.createGenerator(out, JsonEncoding.UTF8))) {
                ReconciliationJson.write(json, period, items);
            }
        });
        Set<String> written = new HashSet<>();
        for (Invoice invoice : invoices) {
            Customer customer = config.get().customers().get(invoice.customerId());
            String file = invoice.number() + ".xml";
            ExportFiles.writeAtomically(
                    ublDir.resolve(file), out -> ubl.write(config.get().company(), customer, invoice, out));
            written.add(file);
        }
        removeOthers(ublDir, written);
        return new Written(invoicesJson, reconciliationJson, prepaidJson, ublDir, written.size());
    }

    private static JsonGenerator pretty(JsonGenerator json) {
        // "key": "value", as OUTPUTS.md prints it (Jackson's default puts a space before the colon too).
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        return json.setPrettyPrinter(printer);
    }

    private static void removeOthers(Path ublDir, Set<String> keep) {
        if (!Files.isDirectory(ublDir)) {
            return;
        }
        try (Stream<Path> files = Files.list(ublDir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".xml") && !keep.contains(name)) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + ublDir, e);
        }
    }
}
