package io.truecount.app.cli;

import io.truecount.app.config.TruecountConfig;
import io.truecount.app.db.Database;
import io.truecount.core.contract.Customer;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLedger;
import io.truecount.core.invoice.InvoiceStatus;
import io.truecount.core.invoice.InvoiceStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Base of the {@code invoice} subcommands: loads the configuration, starts the application on the database and hands
 * the subcommand the invoice ledger. A failure (an unknown invoice, a transition the lifecycle does not allow) is an
 * {@link IllegalArgumentException} that {@link io.truecount.app.Truecount} prints as one line with exit code 1; it
 * rolls back the transaction it happened in, so a failed command changes nothing.
 */
abstract class LedgerCommand implements Callable<Integer> {

    /** The exit codes every {@code invoice} subcommand documents in its help. */
    static final String EXIT_CODES = "%nExit codes: 0 done; 1 an invoice is unknown or its lifecycle does not allow the"
            + " change (one error line, nothing is changed), or anything else failed; 2 invalid configuration or"
            + " command line.";

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        checkArguments();
        PrintWriter out = spec.commandLine().getOut();
        Optional<TruecountConfig> config = common.loadConfig(spec.commandLine().getErr());
        if (config.isEmpty()) {
            return ExitCodes.INVALID_CONFIG;
        }
        try (Database database = common.openDatabase();
                ConfigurableApplicationContext context =
                        ApplicationLauncher.start(config.get(), database, common, false, null, Map.of())) {
            InvoiceStore store = context.getBean(InvoiceStore.class);
            Ledger ledger = new Ledger(
                    config.get(),
                    store,
                    new InvoiceLedger(store, config.get().company(), context.getBean(Clock.class)),
                    context.getBean(TransactionTemplate.class),
                    context);
            int code = run(ledger, out);
            out.flush();
            return code;
        }
    }

    /** Checks what picocli cannot, before anything starts; throws a {@code ParameterException} (exit code 2). */
    void checkArguments() {}

    /** A reason goes into the invoice's history for good; an empty one would say nothing. */
    void requireText(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new ParameterException(spec.commandLine(), option + " must not be empty");
        }
    }

    abstract int run(Ledger ledger, PrintWriter out);

    /** What a subcommand works with. */
    record Ledger(
            TruecountConfig config,
            InvoiceStore store,
            InvoiceLedger ledger,
            TransactionTemplate transaction,
            ApplicationContext beans) {

        /** Runs the work in one transaction: everything it changes is stored, or nothing when it throws. */
        <T> T inTransaction(Supplier<T> work) {
            return transaction.execute(status -> work.get());
        }

        Invoice invoice(String number) {
            return store.findByNumber(number).orElseThrow(() -> new IllegalArgumentException("no invoice " + number));
        }

        /** Applies one status change, as {@code change} does it, and keeps the status it had before. */
        Change change(String number, Function<InvoiceLedger, Invoice> change) {
            Invoice before = invoice(number);
            return new Change(before.status(), change.apply(ledger));
        }

        /** The customer's name from the configuration; an invoice may outlive its customer's entry there. */
        String customerName(String customerId) {
            Customer customer = config.customers().get(customerId);
            return customer == null ? "(not in the configuration)" : customer.name();
        }
    }

    /** An invoice after a status change, and the status it had before. */
    record Change(InvoiceStatus from, Invoice invoice) {

        void print(PrintWriter out) {
            out.printf("%s  %s  %s -> %s%n", invoice.number(), invoice.customerId(), from, invoice.status());
        }
    }
}
