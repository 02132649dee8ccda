package io.truecount.app.cli;

import io.truecount.core.invoice.CreditNote;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code truecount invoice credit}: corrects a posted invoice with a credit note for it in full. */
@Command(
        name = "credit",
        mixinStandardHelpOptions = true,
        description = {
            "Credit a POSTED (or paid) invoice in full with a credit note. The invoice keeps its status but is no"
                    + " longer the period's invoice: the next `cycle` for the period bills it again under a new"
                    + " number."
        },
        footer = LedgerCommand.EXIT_CODES)
class InvoiceCreditCommand extends LedgerCommand {

    @Parameters(paramLabel = "NUMBER", description = "The invoice number.")
    String number;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, recorded on the credit note.")
    String reason;

    @Mixin
    ActorOptions actor;

    @Override
    void checkArguments() {
        requireText("--reason", reason);
    }

    @Override
    int run(Ledger ledger, PrintWriter out) {
        CreditNote note = ledger.inTransaction(() -> ledger.ledger().credit(number, actor.actor, reason));
        out.printf(
                "%s (%s) credited in full by credit note %s: %s %s%n",
                note.invoiceNumber(),
                note.customerId(),
                note.number(),
                note.total().toPlainString(),
                note.currency().getCurrencyCode());
        out.printf(
                "The next `truecount cycle --period %s` bills %s for the period again, under a new number.%n",
                note.period(), note.customerId());
        return ExitCodes.OK;
    }
}
