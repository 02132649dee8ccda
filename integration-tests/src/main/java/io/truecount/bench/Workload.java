package io.truecount.bench;

import io.truecount.core.billing.BillingInput;
import io.truecount.core.billing.BillingOutcome;
import io.truecount.core.billing.BillingRun;
import io.truecount.core.invoice.ApprovalPolicy;
import io.truecount.core.invoice.InMemoryInvoiceStore;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLedger;
import io.truecount.core.invoice.InvoiceLedger.Convergence;
import io.truecount.core.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * The benchmarked work: the month-end run of an MSP whose previous month is already invoiced and posted. One run
 * rates every customer (count, reconcile, rate, draft) and converges the period's invoices in the ledger, which is
 * what {@code truecount cycle} does between syncing the sources and writing the exports.
 */
final class Workload {

    static final YearMonth PERIOD = YearMonth.of(2026, 10);
    static final String ACTOR = "bench";
    /** Auto-approval on, so converging also compares every invoice with the customer's previous one. */
    static final ApprovalPolicy APPROVAL = new ApprovalPolicy(true, BigDecimal.TEN);

    /** What one run produced. */
    record Result(BillingOutcome outcome, Convergence convergence) {}

    private final BenchMsp msp;
    private final BillingInput input;
    private final InMemoryInvoiceStore ledgerBefore;
    private final Clock clock;

    private Workload(BenchMsp msp, BillingInput input, InMemoryInvoiceStore ledgerBefore, Clock clock) {
        this.msp = msp;
        this.input = input;
        this.ledgerBefore = ledgerBefore;
        this.clock = clock;
    }

    /** Days of asset snapshots a daily RMM sync leaves in a month: what lines billing a peak or average read. */
    static final int ALL_DAYS = 31;

    /**
     * Generates the MSP, then runs and posts the previous month so the benchmarked run has invoices to compare with.
     *
     * @param historyDays how many daily asset snapshots the run gets (0 to {@link #ALL_DAYS})
     */
    static Workload generate(int customers, long seed, int historyDays) {
        BenchMsp msp = BenchGenerator.generate(customers, PERIOD, seed);
        InMemoryInvoiceStore store = new InMemoryInvoiceStore();
        Map<String, Invoice> posted = postPrevious(msp, PERIOD.minusMonths(1), store);
        return new Workload(msp, msp.input(PERIOD, posted, historyDays), store, clockAfter(msp, PERIOD));
    }

    BillingInput input() {
        return input;
    }

    /** A ledger holding the previous month's posted invoices, independent of every other run's. */
    InMemoryInvoiceStore freshLedger() {
        return ledgerBefore.copy();
    }

    /** Rates the period and converges its invoices into {@code store}. */
    Result run(InMemoryInvoiceStore store) {
        BillingOutcome outcome = BillingRun.run(input);
        InvoiceLedger ledger = new InvoiceLedger(store, msp.company(), APPROVAL, clock);
        Convergence convergence = ledger.converge(PERIOD, outcome.drafts(), outcome.failedCustomers(), ACTOR);
        return new Result(outcome, convergence);
    }

    private static Map<String, Invoice> postPrevious(BenchMsp msp, YearMonth period, InMemoryInvoiceStore store) {
        BillingOutcome outcome = BillingRun.run(msp.input(period, Map.of(), 0));
        InvoiceLedger ledger = new InvoiceLedger(store, msp.company(), ApprovalPolicy.MANUAL, clockAfter(msp, period));
        Convergence convergence = ledger.converge(period, outcome.drafts(), outcome.failedCustomers(), ACTOR);
        Map<String, Invoice> posted = new HashMap<>();
        for (Invoice invoice : convergence.invoices()) {
            ledger.approve(invoice.number(), ACTOR, "approved by the benchmark setup");
            Invoice done = ledger.transition(invoice.number(), InvoiceStatus.POSTED, ACTOR, "posted by the setup");
            posted.put(invoice.customerId(), done);
        }
        return posted;
    }

    /** The ledger's clock: the morning after the run's as-of instant, when invoices are issued. */
    private static Clock clockAfter(BenchMsp msp, YearMonth period) {
        return Clock.fixed(
                msp.asOf(period).plus(Duration.ofHours(10)), msp.company().timezone());
    }
}
