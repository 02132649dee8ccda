package io.truecount.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code truecount invoice}: review invoices and move them through their lifecycle (an extension of OUTPUTS.md; until
 * the REST API exists, a person approves from here).
 */
@Command(
        name = "invoice",
        mixinStandardHelpOptions = true,
        description = "Review invoices and approve, hold, release, void or credit them.",
        subcommands = {
            InvoiceListCommand.class,
            InvoiceShowCommand.class,
            InvoiceApproveCommand.class,
            InvoiceTransitionCommands.HoldInvoice.class,
            InvoiceTransitionCommands.ReleaseInvoice.class,
            InvoiceTransitionCommands.VoidInvoice.class,
            InvoiceCreditCommand.class
        })
class InvoiceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: the list of subcommands, and the exit code of a command-line error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.INVALID_CONFIG;
    }
}
