package io.truecount.app.cli;

import io.truecount.core.invoice.InvoiceStatus;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code truecount invoice hold | release | void}: one invoice, one status change, recorded with who and why. */
final class InvoiceTransitionCommands {

    private InvoiceTransitionCommands() {}

    /** What the three share: one invoice number, an actor, and printing the change once committed. */
    abstract static class OneInvoice extends LedgerCommand {

        @Parameters(paramLabel = "NUMBER", description = "The invoice number.")
        String number;

        @Mixin
        ActorOptions actor;

        abstract String reason();

        abstract InvoiceStatus target();

        @Override
        void checkArguments() {
            requireText("--reason", reason());
        }

        @Override
        int run(Ledger ledger, PrintWriter out) {
            Change change = ledger.inTransaction(
                    () -> ledger.change(number, l -> l.transition(number, target(), actor.actor, reason())));
            change.print(out);
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "hold",
            mixinStandardHelpOptions = true,
            description = "Hold a DRAFT invoice: re-runs keep rebuilding it but leave it HELD until it is released.",
            footer = LedgerCommand.EXIT_CODES)
    static class HoldInvoice extends OneInvoice {

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, recorded in the history.")
        String reason;

        @Override
        String reason() {
            return reason;
        }

        @Override
        InvoiceStatus target() {
            return InvoiceStatus.HELD;
        }
    }

    @Command(
            name = "release",
            mixinStandardHelpOptions = true,
            description = "Release a HELD invoice back to DRAFT.",
            footer = LedgerCommand.EXIT_CODES)
    static class ReleaseInvoice extends OneInvoice {

        @Option(
                names = "--reason",
                paramLabel = "TEXT",
                defaultValue = "released from the command line",
                description = "Why, recorded in the history (default: ${DEFAULT-VALUE}).")
        String reason;

        @Override
        String reason() {
            return reason;
        }

        @Override
        InvoiceStatus target() {
            return InvoiceStatus.DRAFT;
        }
    }

    @Command(
            name = "void",
            mixinStandardHelpOptions = true,
            description = {
                "Void a DRAFT, HELD or APPROVED invoice. Its number is never reused. A POSTED invoice is corrected"
                        + " with `invoice credit` instead."
            },
            footer = LedgerCommand.EXIT_CODES)
    static class VoidInvoice extends OneInvoice {

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, recorded in the history.")
        String reason;

        @Override
        String reason() {
            return reason;
        }

        @Override
        InvoiceStatus target() {
            return InvoiceStatus.VOID;
        }
    }
}
