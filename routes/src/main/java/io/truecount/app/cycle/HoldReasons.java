package io.truecount.app.cycle;

import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceDraft;
import io.truecount.core.invoice.InvoiceLedger;
import io.truecount.core.invoice.InvoiceStatus;
import io.truecount.core.invoice.InvoiceStore;
import io.truecount.core.invoice.Transition;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why each held invoice of a run is held: the guard that fired in this run (its current reason, which may have changed
 * since the invoice was first held), or else the person who held it and their reason.
 */
final class HoldReasons {

    private HoldReasons() {}

    static Map<String, String> of(InvoiceStore invoices, List<Invoice> stored, List<InvoiceDraft> drafts) {
        Map<String, String> guards = new HashMap<>();
        drafts.stream().filter(InvoiceDraft::held).forEach(d -> guards.put(d.customerId(), d.holdReason()));
        Map<String, String> holds = new LinkedHashMap<>();
        for (Invoice invoice : stored) {
            if (invoice.status() != InvoiceStatus.HELD) {
                continue;
            }
            String guard = guards.get(invoice.customerId());
            if (guard != null) {
                holds.put(invoice.number(), InvoiceLedger.GUARD_HOLD + guard);
                continue;
            }
            List<Transition> history = invoices.transitions(invoice.number());
            for (int i = history.size() - 1; i >= 0; i--) {
                Transition t = history.get(i);
                if (t.to() == InvoiceStatus.HELD && t.from() != InvoiceStatus.HELD) {
                    holds.put(
                            invoice.number(),
                            t.reason().startsWith(InvoiceLedger.GUARD_HOLD)
                                    ? t.reason()
                                    : "held by " + t.actor() + ": " + t.reason());
                    break;
                }
            }
        }
        return holds;
    }
}
