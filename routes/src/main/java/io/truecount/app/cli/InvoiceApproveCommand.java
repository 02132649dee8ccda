package io.truecount.app.cli;

import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceStatus;
import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code truecount invoice approve}: a person approves draft or held invoices, all of them or none. */
@Command(
        name = "approve",
        mixinStandardHelpOptions = true,
        description = {
            "Approve DRAFT or HELD invoices: the given numbers, or every DRAFT of a period with --period and"
                    + " --all-drafts.",
            "All or nothing: when one of them cannot be approved, none is."
        },
        footer = LedgerCommand.EXIT_CODES)
class InvoiceApproveCommand extends LedgerCommand {

    @Parameters(arity = "0..*", paramLabel = "NUMBER", description = "Invoice numbers.")
    List<String> numbers = new ArrayList<>();

    @Option(names = "--period", paramLabel = "YYYY-MM", description = "With --all-drafts: the billed month.")
    YearMonth period;

    @Option(names = "--all-drafts", description = "Approve every DRAFT invoice of --period (HELD ones stay held).")
    boolean allDrafts;

    @Option(
            names = "--reason",
            paramLabel = "TEXT",
            defaultValue = "approved from the command line",
            description = "Why, recorded in the history (default: ${DEFAULT-VALUE}).")
    String reason;

    @Mixin
    ActorOptions actor;

    @Override
    void checkArguments() {
        boolean byPeriod = period != null || allDrafts;
        if (numbers.isEmpty() == !byPeriod) {
            throw new ParameterException(
                    spec.commandLine(), "give invoice numbers, or --period and --all-drafts, but not both");
        }
        if (byPeriod && (period == null || !allDrafts)) {
            throw new ParameterException(spec.commandLine(), "--period and --all-drafts go together");
        }
        requireText("--reason", reason);
    }

    @Override
    int run(Ledger ledger, PrintWriter out) {
        List<Change> approved = ledger.inTransaction(() -> targets(ledger).stream()
                .map(number -> ledger.change(number, l -> l.approve(number, actor.actor, reason)))
                .toList());
        if (approved.isEmpty()) {
            out.printf("no DRAFT invoices for %s; nothing approved%n", period);
        }
        // Printed once the transaction has committed: a line on screen means it is approved.
        approved.forEach(change -> change.print(out));
        out.printf("%d invoice(s) approved by %s%n", approved.size(), actor.actor);
        return ExitCodes.OK;
    }

    private List<String> targets(Ledger ledger) {
        if (!numbers.isEmpty()) {
            return numbers.stream().distinct().toList();
        }
        return ledger.store().findByPeriod(period).stream()
                .filter(i -> i.status() == InvoiceStatus.DRAFT)
                .map(Invoice::number)
                .toList();
    }
}
