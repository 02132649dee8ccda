package io.truecount.core.billing;

import io.truecount.core.invoice.InvoiceDraft;
import io.truecount.core.reconciliation.ReconciliationItem;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * What a billing run decided: the invoices that should exist, the discrepancies to review (in export order), the
 * customers that got no invoice because a source they depend on failed, and every prepaid-hours balance.
 */
public record BillingOutcome(
        YearMonth period,
        List<InvoiceDraft> drafts,
        List<ReconciliationItem> items,
        Set<String> failedCustomers,
        List<PrepaidStatement> prepaid) {

    public BillingOutcome {
        drafts = List.copyOf(drafts);
        items = items.stream().sorted(ReconciliationItem.ORDER).toList();
        failedCustomers = Set.copyOf(failedCustomers);
        prepaid = List.copyOf(prepaid);
    }
}
