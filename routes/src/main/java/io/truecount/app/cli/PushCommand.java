package io.truecount.app.cli;

import io.truecount.app.push.Outbox;
import io.truecount.app.push.PushRow;
import io.truecount.app.push.PushService;
import io.truecount.core.invoice.Invoice;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code truecount push}: delivers approved invoices' pending pushes and shows where each stands (an extension of
 * OUTPUTS.md; the server does the same on a timer).
 */
@Command(
        name = "push",
        mixinStandardHelpOptions = true,
        description = "Deliver approved invoices to their sink connectors, show pushes, retry failed ones.",
        subcommands = {PushCommand.Deliver.class, PushCommand.Retry.class})
class PushCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.INVALID_CONFIG;
    }

    @Command(
            name = "deliver",
            mixinStandardHelpOptions = true,
            description = "Deliver the pending pushes of a period's (or the named) approved invoices and list them.",
            footer = "%nExit codes: 0 every push confirmed; 1 some push is not (listed); 2 invalid configuration.")
    static class Deliver extends LedgerCommand {

        @Option(names = "--period", paramLabel = "YYYY-MM", description = "The invoices of this period.")
        YearMonth period;

        @Parameters(arity = "0..*", paramLabel = "NUMBER", description = "Invoice numbers.")
        List<String> numbers = new ArrayList<>();

        @Override
        void checkArguments() {
            if (period == null && numbers.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "name invoice numbers or a --period");
            }
        }

        @Override
        int run(Ledger ledger, PrintWriter out) {
            List<String> wanted = new ArrayList<>(numbers);
            if (period != null) {
                ledger.store().findByPeriod(period).stream()
                        .map(Invoice::number)
                        .forEach(wanted::add);
            }
            Outbox outbox = ledger.beans().getBean(Outbox.class);
            Clock clock = ledger.beans().getBean(Clock.class);
            ledger.inTransaction(() -> {
                wanted.forEach(n -> {
                    Invoice invoice = ledger.invoice(n);
                    if (invoice.status() == io.truecount.core.invoice.InvoiceStatus.APPROVED
                            || invoice.status().isPosted()) {
                        outbox.enqueue(n, clock.instant());
                    }
                });
                return null;
            });
            ledger.beans().getBean(PushService.class).deliver(wanted);
            List<PushRow> pushes = outbox.of(wanted);
            return PushSummary.print(out, pushes) ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    @Command(
            name = "retry",
            mixinStandardHelpOptions = true,
            description =
                    "Retry an invoice's FAILED pushes: the vendor is read back first, then sent if it has nothing.",
            footer = LedgerCommand.EXIT_CODES)
    static class Retry extends LedgerCommand {

        @Parameters(paramLabel = "NUMBER", description = "The invoice number.")
        String number;

        @Option(names = "--connector", paramLabel = "ID", description = "Only the push to this connector.")
        String connector;

        @Override
        int run(Ledger ledger, PrintWriter out) {
            ledger.invoice(number);
            Outbox outbox = ledger.beans().getBean(Outbox.class);
            Clock clock = ledger.beans().getBean(Clock.class);
            int reset = ledger.inTransaction(() -> outbox.retry(number, connector, clock.instant()));
            if (reset == 0) {
                throw new IllegalArgumentException("invoice " + number + " has no FAILED push"
                        + (connector == null ? "" : " to '" + connector + "'"));
            }
            ledger.beans().getBean(PushService.class).deliver(List.of(number));
            return PushSummary.print(out, outbox.of(List.of(number))) ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
