package io.truecount.app.cycle;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.TruecountConfig;
import io.truecount.app.contract.ContractStates;
import io.truecount.app.export.ExportWriter;
import io.truecount.app.ops.Correlation;
import io.truecount.app.sync.ObservationRepository;
import io.truecount.app.sync.SourceSyncs;
import io.truecount.app.sync.SyncResult;
import io.truecount.connector.ConnectorSettings;
import io.truecount.core.billing.BillingInput;
import io.truecount.core.billing.BillingOutcome;
import io.truecount.core.billing.BillingRun;
import io.truecount.core.billing.SourceData;
import io.truecount.core.counting.SourcePolicy;
import io.truecount.core.invoice.CreditNote;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLedger;
import io.truecount.core.invoice.InvoiceLedger.Convergence;
import io.truecount.core.invoice.InvoiceStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One billing cycle for a period: sync every source once (through the sync routes), bill from what succeeded, make
 * the period's invoices converge in one transaction, and write the exports.
 */
@Service
public class CycleService {

    /** RMM sources without {@code stale-after-days} use this: an agent silent for a month is not a managed device. */
    static final Duration DEFAULT_STALE_AFTER = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger(CycleService.class);

    private final ActiveConfig config;
    private final SourceSyncs sourceSyncs;
    private final ObservationRepository observations;
    private final InvoiceStore invoices;
    private final BillingRunRepository billingRuns;
    private final AssetHistory history;
    private final ExportWriter exports;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ContractStates contractStates;

    CycleService(
            ActiveConfig config,
            SourceSyncs sourceSyncs,
            ObservationRepository observations,
            InvoiceStore invoices,
            BillingRunRepository billingRuns,
            AssetHistory history,
            ExportWriter exports,
            TransactionTemplate transaction,
            Clock clock,
            ContractStates contractStates) {
        this.config = config;
        this.sourceSyncs = sourceSyncs;
        this.observations = observations;
        this.invoices = invoices;
        this.billingRuns = billingRuns;
        this.history = history;
        this.exports = exports;
        this.transaction = transaction;
        this.clock = clock;
        this.contractStates = contractStates;
    }

    /**
     * @param asOf the instant counts are taken at; null = end of the period or now, whichever is earlier
     * @param actor who ran it, for the invoices' history
     */
    public CycleResult run(YearMonth period, Instant asOf, Path outDir, String actor) {
        // The billing run's row is written at the end, in the ledger's transaction; until then the cycle has no id in
        // the database, so its log lines (and its syncs', as "cycle") carry a generated one.
        String cycleId = UUID.randomUUID().toString();
        try (Correlation ids = Correlation.of("cycle", cycleId, "run", cycleId, "period", period.toString())) {
            LOG.info("cycle of {} started by {}", period, actor);
            CycleResult result = runCycle(period, asOf, outDir, actor);
            LOG.info(
                    "cycle of {} finished: {} invoices, {} failed customers",
                    period,
                    result.invoices().size(),
                    result.failedCustomers().size());
            return result;
        }
    }

    private CycleResult runCycle(YearMonth period, Instant asOf, Path outDir, String actor) {
        Instant started = clock.instant();
        // One snapshot for the whole run: a reload meanwhile applies from the next run on.
        TruecountConfig config = this.config.get();
        Instant countAt = asOf != null ? asOf : defaultAsOf(config, period);
        List<SyncResult> syncs = sourceSyncs.all();

        Map<String, SourceData> data = new LinkedHashMap<>();
        for (SyncResult sync : syncs) {
            data.put(sync.connectorId(), sourceData(sync));
        }
        // Unsigned contracts bill nothing; auto-renewed ones run to their renewed end.
        ContractStates.Current contracts = contractStates.current();
        BillingOutcome outcome = BillingRun.run(new BillingInput(
                config.company(),
                List.copyOf(config.customers().values()),
                contracts.billable(),
                policies(config),
                period,
                countAt,
                data,
                history.snapshots(
                        contracts.billable(), period, countAt, config.company().timezone()),
                previousInvoices(config, period)));

        InvoiceLedger ledger = new InvoiceLedger(invoices, config.company(), config.approval(), clock);
        Stored stored = transaction.execute(status -> {
            Convergence convergence = ledger.converge(period, outcome.drafts(), outcome.failedCustomers(), actor);
            billingRuns.save(
                    period,
                    countAt,
                    started,
                    syncs.stream().map(SyncResult::runId).toList(),
                    outcome.failedCustomers(),
                    outcome.items());
            return new Stored(
                    convergence,
                    invoices.creditNotes(period),
                    HoldReasons.of(invoices, convergence.invoices(), outcome.drafts()));
        });
        List<Invoice> current = stored.convergence().invoices();
        ExportWriter.Written files =
                exports.write(outDir, period, current, stored.creditNotes(), outcome.items(), outcome.prepaid());
        return new CycleResult(
                period,
                countAt,
                syncs,
                current,
                outcome.items(),
                outcome.failedCustomers(),
                stored.convergence().divergences(),
                stored.holds(),
                outcome.prepaid(),
                files,
                contracts.unbilled());
    }

    /** What the ledger transaction leaves for the exports and the summary. */
    private record Stored(Convergence convergence, List<CreditNote> creditNotes, Map<String, String> holds) {}

    /** Each customer's latest earlier invoice that was not voided: what the count-drop guard compares with. */
    private Map<String, Invoice> previousInvoices(TruecountConfig config, YearMonth period) {
        Map<String, Invoice> previous = new LinkedHashMap<>();
        for (String customer : config.customers().keySet()) {
            invoices.findPrevious(customer, period).ifPresent(i -> previous.put(customer, i));
        }
        return previous;
    }

    /** End of the period in the company's zone, or now if the period has not ended yet. */
    private Instant defaultAsOf(TruecountConfig config, YearMonth period) {
        Instant endOfPeriod = period.plusMonths(1)
                .atDay(1)
                .atStartOfDay(config.company().timezone())
                .toInstant()
                .minusSeconds(1);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return now.isBefore(endOfPeriod) ? now : endOfPeriod;
    }

    private SourceData sourceData(SyncResult sync) {
        if (!sync.succeeded()) {
            return SourceData.failed(sync.connectorId(), sync.error());
        }
        String connector = sync.connectorId();
        long run = sync.runId();
        return new SourceData(
                connector,
                null,
                observations.organizations(run, connector),
                observations.assets(run, connector),
                observations.licenses(run, connector),
                observations.users(run, connector),
                // Current state, all periods: prepaid balances draw down from the contract's start.
                observations.timeEntries(connector),
                observations.organizationErrors(run));
    }

    private List<SourcePolicy> policies(TruecountConfig config) {
        List<SourcePolicy> policies = new ArrayList<>();
        List<ConnectorSettings> sources = config.sources();
        for (int i = 0; i < sources.size(); i++) {
            ConnectorSettings source = sources.get(i);
            Duration staleAfter =
                    source.staleAfterDays() == null ? DEFAULT_STALE_AFTER : Duration.ofDays(source.staleAfterDays());
            policies.add(new SourcePolicy(source.id(), i, staleAfter));
        }
        return policies;
    }
}
