package io.truecount.app.cycle;

import io.truecount.app.export.ExportWriter;
import io.truecount.app.sync.SyncResult;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.reconciliation.ReconciliationItem;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/** What one cycle did: the syncs, the invoices of the period, the discrepancies, and the files written. */
public record CycleResult(
        YearMonth period,
        Instant asOf,
        List<SyncResult> syncs,
        List<Invoice> invoices,
        List<ReconciliationItem> items,
        Set<String> failedCustomers,
        ExportWriter.Written files) {

    public boolean anySourceFailed() {
        return syncs.stream().anyMatch(s -> !s.succeeded()) || !failedCustomers.isEmpty();
    }
}
