package io.truecount.app.cycle;

import io.truecount.app.export.ExportWriter;
import io.truecount.app.sync.SyncResult;
import io.truecount.core.billing.PrepaidStatement;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLedger.Divergence;
import io.truecount.core.reconciliation.ReconciliationItem;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one cycle did: the syncs, the invoices of the period, the discrepancies, and the files written.
 *
 * @param divergences approved or posted invoices the current data no longer matches; a person corrects them
 * @param holds invoice number to why it is {@code HELD}, for every held invoice of {@code invoices}
 * @param prepaid every prepaid-hours balance at the end of the billed period
 * @param unbilledContracts one line per contract that bills nothing because its signature has not completed
 */
public record CycleResult(
        YearMonth period,
        Instant asOf,
        List<SyncResult> syncs,
        List<Invoice> invoices,
        List<ReconciliationItem> items,
        Set<String> failedCustomers,
        List<Divergence> divergences,
        Map<String, String> holds,
        List<PrepaidStatement> prepaid,
        ExportWriter.Written files,
        List<String> unbilledContracts) {

    /** A result in which every contract was billable. */
    public CycleResult(
            YearMonth period,
            Instant asOf,
            List<SyncResult> syncs,
            List<Invoice> invoices,
            List<ReconciliationItem> items,
            Set<String> failedCustomers,
            List<Divergence> divergences,
            Map<String, String> holds,
            List<PrepaidStatement> prepaid,
            ExportWriter.Written files) {
        this(period, asOf, syncs, invoices, items, failedCustomers, divergences, holds, prepaid, files, List.of());
    }

    public CycleResult {
        unbilledContracts = List.copyOf(unbilledContracts);
        invoices = List.copyOf(invoices);
        divergences = List.copyOf(divergences);
        holds = Map.copyOf(holds);
        prepaid = List.copyOf(prepaid);
    }

    public boolean anySourceFailed() {
        return syncs.stream().anyMatch(s -> !s.succeeded()) || !failedCustomers.isEmpty();
    }
}
