package io.truecount.app.cli;

import io.truecount.app.config.TruecountConfig;
import io.truecount.core.billing.PrepaidStatement;
import io.truecount.core.contract.Customer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code truecount prepaid}: prepaid-hours balances and their month-by-month history, as of a period's cycle. It reads
 * what that {@code cycle} exported to {@code DIR/prepaid-hours.json} rather than billing again: balances depend on
 * every source being synced, and a statement must match the invoices it came with.
 */
@Command(
        name = "prepaid",
        mixinStandardHelpOptions = true,
        description = {
            "Show prepaid-hours balances at the end of a period, with their history month by month.",
            "Reads DIR/prepaid-hours.json as written by `truecount cycle --period YYYY-MM --out DIR`; run the cycle"
                    + " first. Needs no database."
        },
        footer = "%nExit codes: 0 done; 1 no export for the period in DIR, or anything else failed; 2 invalid"
                + " configuration or command line.")
class PrepaidCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "The billed month.")
    YearMonth period;

    @Option(names = "--customer", paramLabel = "ID", description = "Only this customer's balances.")
    String customer;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "out",
            description = "Where the cycle wrote its exports (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        Optional<TruecountConfig> loaded = common.loadConfig(spec.commandLine().getErr());
        if (loaded.isEmpty()) {
            return ExitCodes.INVALID_CONFIG;
        }
        TruecountConfig config = loaded.get();
        if (customer != null && !config.customers().containsKey(customer)) {
            throw new ParameterException(
                    spec.commandLine(), "--customer: no customer '" + customer + "' in " + config.file());
        }
        Path file = out.resolve(PrepaidHoursFile.NAME);
        PrepaidHoursFile.Contents contents = PrepaidHoursFile.read(file);
        if (!contents.period().equals(period)) {
            throw new IllegalArgumentException(file + " is for " + contents.period() + ", not " + period
                    + ": run `truecount cycle --period " + period + " --out DIR` and pass that DIR as --out");
        }
        List<PrepaidStatement> statements = contents.statements().stream()
                .filter(s -> customer == null || s.customerId().equals(customer))
                .toList();
        print(stdout, config, statements);
        stdout.flush();
        return ExitCodes.OK;
    }

    private void print(PrintWriter stdout, TruecountConfig config, List<PrepaidStatement> statements) {
        if (statements.isEmpty()) {
            stdout.printf(
                    "no prepaid-hours balances%s at the end of %s%n",
                    customer == null ? "" : " for " + customer, period);
            return;
        }
        stdout.printf("Prepaid hours at the end of %s (%s)%n", period, out.resolve(PrepaidHoursFile.NAME));
        String row = "    %-8s %10s %10s %10s %10s %10s%n";
        for (PrepaidStatement statement : statements) {
            Customer known = config.customers().get(statement.customerId());
            stdout.printf(
                    "%n%s (%s)  %s / %s  balance %s h%n",
                    statement.customerId(),
                    known == null ? "not in the configuration" : known.name(),
                    statement.contractId(),
                    statement.lineId(),
                    statement.balance().toPlainString());
            stdout.printf(row, "MONTH", "OPENING", "TOPPED UP", "USED", "OVERAGE", "CLOSING");
            for (PrepaidStatement.Month month : statement.months()) {
                stdout.printf(
                        row,
                        month.month(),
                        month.opening().toPlainString(),
                        month.toppedUp().toPlainString(),
                        month.used().toPlainString(),
                        month.overage().toPlainString(),
                        month.closing().toPlainString());
            }
        }
    }
}
