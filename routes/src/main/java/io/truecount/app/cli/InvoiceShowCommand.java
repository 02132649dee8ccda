package io.truecount.app.cli;

import io.truecount.app.push.Outbox;
import io.truecount.app.push.PushRow;
import io.truecount.app.webhook.PaymentHistory;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.SourceRef;
import io.truecount.core.invoice.Transition;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code truecount invoice show}: one invoice with its lines, where each quantity came from, and its history. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show an invoice: header, lines with their sources, totals and status history.",
        footer = LedgerCommand.EXIT_CODES)
class InvoiceShowCommand extends LedgerCommand {

    /** A line can have thousands of sources (one per device); the first ones show what they are, invoices.json has all. */
    static final int SOURCES_PER_LINE = 20;

    private static final String LINE_FORMAT = "  %-20s %-16s %-32s %10s %12s %12s%n";

    @Parameters(paramLabel = "NUMBER", description = "The invoice number.")
    String number;

    @Override
    int run(Ledger ledger, PrintWriter out) {
        record Shown(Invoice invoice, List<Transition> history) {}
        Shown shown = ledger.inTransaction(
                () -> new Shown(ledger.invoice(number), ledger.store().transitions(number)));
        Invoice invoice = shown.invoice();
        header(out, invoice, ledger.customerName(invoice.customerId()));
        lines(out, invoice.lines());
        totals(out, invoice);
        history(out, shown.history());
        pushes(out, ledger.beans().getBean(Outbox.class).of(List.of(number)));
        payments(out, ledger.beans().getBean(PaymentHistory.class).of(number));
        return ExitCodes.OK;
    }

    /** Where the invoice went and what the sinks call it: the external ids stored with its pushes. */
    private static void pushes(PrintWriter out, List<PushRow> pushes) {
        if (pushes.isEmpty()) {
            return;
        }
        out.printf("%nPushes%n");
        pushes.forEach(p -> out.println("  " + PushSummary.line(p)));
    }

    private static void payments(PrintWriter out, List<PaymentHistory.Entry> payments) {
        if (payments.isEmpty()) {
            return;
        }
        out.printf("%nPayments%n");
        for (PaymentHistory.Entry p : payments) {
            out.printf(
                    "  %s  %-9s %s  %s %s  %s%n",
                    p.occurredAt().truncatedTo(ChronoUnit.SECONDS),
                    p.kind(),
                    p.amount() == null ? "" : p.amount().toPlainString() + " " + p.currency(),
                    p.connectorId(),
                    p.eventId(),
                    p.note());
        }
    }

    private static void header(PrintWriter out, Invoice invoice, String customerName) {
        out.printf("Invoice %s  %s%n", invoice.number(), invoice.status());
        out.printf("  customer  %s (%s)%n", invoice.customerId(), customerName);
        out.printf("  period    %s (bills %s to %s)%n", invoice.period(), invoice.periodStart(), invoice.periodEnd());
        out.printf("  issued    %s, due %s%n", invoice.issueDate(), invoice.dueDate());
        out.printf("  currency  %s%n", invoice.currency().getCurrencyCode());
    }

    private static void lines(PrintWriter out, List<InvoiceLine> lines) {
        out.printf("%nLines (%d)%n", lines.size());
        out.printf(LINE_FORMAT, "CONTRACT", "LINE", "DESCRIPTION", "QUANTITY", "UNIT PRICE", "AMOUNT");
        for (InvoiceLine line : lines) {
            out.printf(
                    LINE_FORMAT,
                    line.contractId(),
                    line.lineId(),
                    line.description(),
                    line.quantity().toPlainString(),
                    plain(line.unitPrice()),
                    line.amount().toPlainString());
            List<SourceRef> sources = line.sources();
            sources.stream()
                    .limit(SOURCES_PER_LINE)
                    .forEach(s ->
                            out.printf("      %s %s:%s %s%n", s.type(), s.connectorId(), s.externalId(), s.label()));
            if (sources.size() > SOURCES_PER_LINE) {
                out.printf("      ... and %d more%n", sources.size() - SOURCES_PER_LINE);
            }
        }
    }

    private static void totals(PrintWriter out, Invoice invoice) {
        out.printf("%nTotals%n");
        out.printf("  subtotal  %s%n", invoice.subtotal().toPlainString());
        out.printf(
                "  tax       %s (%s%% %s)%n",
                invoice.taxAmount().toPlainString(),
                invoice.tax().ratePercent().toPlainString(),
                invoice.tax().category());
        out.printf(
                "  total     %s %s%n",
                invoice.total().toPlainString(), invoice.currency().getCurrencyCode());
    }

    private static void history(PrintWriter out, List<Transition> history) {
        out.printf("%nHistory%n");
        for (Transition t : history) {
            out.printf(
                    "  %s  %s -> %s  %s  %s%n",
                    t.at().truncatedTo(ChronoUnit.SECONDS),
                    t.from() == null ? "(new)" : t.from(),
                    t.to(),
                    t.actor(),
                    t.reason());
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
