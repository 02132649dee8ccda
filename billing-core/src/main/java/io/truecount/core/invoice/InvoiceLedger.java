package io.truecount.core.invoice;

import io.truecount.core.contract.Company;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes the stored invoices of a period converge on what a billing run says they should be. Invoice identity is
 * (customer, period): a re-run finds the same invoice and keeps its number and issue date; a draft or held invoice is
 * rebuilt, an approved or later one is never silently changed.
 */
public final class InvoiceLedger {

    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyyyMM");

    private final InvoiceStore store;
    private final Company company;
    private final Clock clock;

    public InvoiceLedger(InvoiceStore store, Company company, Clock clock) {
        this.store = store;
        this.company = company;
        this.clock = clock;
    }

    /**
     * Applies the drafts of a run.
     *
     * @param untouchable customers whose invoices must stay as they are (a source they depend on failed)
     * @return the period's invoices for the drafted customers, as stored, in customer order
     */
    public List<Invoice> converge(YearMonth period, List<InvoiceDraft> drafts, Set<String> untouchable, String actor) {
        List<InvoiceDraft> ordered = drafts.stream()
                .sorted(Comparator.comparing(InvoiceDraft::customerId))
                .toList();
        List<Invoice> result = new ArrayList<>();
        for (InvoiceDraft draft : ordered) {
            Optional<Invoice> existing = store.find(draft.customerId(), period);
            result.add(existing.isPresent() ? rebuild(existing.get(), draft, actor) : create(period, draft, actor));
        }
        voidVanished(period, ordered, untouchable, actor);
        return result;
    }

    private Invoice create(YearMonth period, InvoiceDraft draft, String actor) {
        long sequence = store.reserveSequence(company.invoicePrefix(), period);
        String number = company.invoicePrefix() + PERIOD.format(period) + "-" + String.format("%05d", sequence);
        LocalDate issued = LocalDate.now(clock.withZone(company.timezone()));
        Invoice invoice = toInvoice(number, period, draft, issued);
        store.insert(invoice);
        store.recordTransition(number, null, invoice.status(), actor, "generated", clock.instant());
        return invoice;
    }

    private Invoice rebuild(Invoice existing, InvoiceDraft draft, String actor) {
        if (!existing.status().isRebuildable()) {
            return existing;
        }
        Invoice rebuilt = toInvoice(existing.number(), existing.period(), draft, existing.issueDate());
        if (rebuilt.equals(existing)) {
            return existing;
        }
        store.update(rebuilt);
        if (rebuilt.status() != existing.status()) {
            store.recordTransition(
                    rebuilt.number(), existing.status(), rebuilt.status(), actor, "regenerated", clock.instant());
        }
        return rebuilt;
    }

    /** A rebuildable invoice whose customer no longer has anything to bill is voided, never deleted: numbers stay. */
    private void voidVanished(YearMonth period, List<InvoiceDraft> drafts, Set<String> untouchable, String actor) {
        Set<String> drafted = new HashSet<>();
        drafts.forEach(d -> drafted.add(d.customerId()));
        for (Invoice invoice : store.findByPeriod(period)) {
            String customer = invoice.customerId();
            if (!drafted.contains(customer)
                    && !untouchable.contains(customer)
                    && invoice.status().isRebuildable()) {
                store.update(invoice.withStatus(InvoiceStatus.VOID));
                store.recordTransition(
                        invoice.number(),
                        invoice.status(),
                        InvoiceStatus.VOID,
                        actor,
                        "nothing left to bill for the period",
                        clock.instant());
            }
        }
    }

    private Invoice toInvoice(String number, YearMonth period, InvoiceDraft draft, LocalDate issued) {
        return new Invoice(
                number,
                draft.customerId(),
                period,
                draft.currency(),
                draft.held() ? InvoiceStatus.HELD : InvoiceStatus.DRAFT,
                issued,
                issued.plusDays(company.paymentTermsDays()),
                draft.periodStart(),
                draft.periodEnd(),
                draft.lines(),
                draft.tax(),
                draft.subtotal(),
                draft.taxAmount(),
                draft.total());
    }
}
