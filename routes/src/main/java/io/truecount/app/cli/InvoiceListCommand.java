package io.truecount.app.cli;

import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceStatus;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code truecount invoice list}: the period's current invoices, one per line. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the period's invoices: number, customer, status, total, currency.",
        footer = LedgerCommand.EXIT_CODES)
class InvoiceListCommand extends LedgerCommand {

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "The billed month.")
    YearMonth period;

    @Option(
            names = "--status",
            paramLabel = "STATUS",
            description = "Only invoices in this status: ${COMPLETION-CANDIDATES}.")
    InvoiceStatus status;

    @Override
    int run(Ledger ledger, PrintWriter out) {
        List<Invoice> invoices = ledger.store().findByPeriod(period).stream()
                .filter(i -> status == null || i.status() == status)
                .toList();
        if (invoices.isEmpty()) {
            out.printf("no %sinvoices for %s%n", status == null ? "" : status + " ", period);
            return ExitCodes.OK;
        }
        String format = "%-20s %-24s %-15s %14s  %s%n";
        out.printf(format, "NUMBER", "CUSTOMER", "STATUS", "TOTAL", "CURRENCY");
        for (Invoice invoice : invoices) {
            out.printf(
                    format,
                    invoice.number(),
                    invoice.customerId(),
                    invoice.status(),
                    invoice.total().toPlainString(),
                    invoice.currency().getCurrencyCode());
        }
        out.printf("%d invoice(s)%n", invoices.size());
        return ExitCodes.OK;
    }
}
