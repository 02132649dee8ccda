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
 * Keeps the invoice ledger: makes a period's stored invoices converge on what a billing run says they should be, and
 * moves invoices through their lifecycle on a person's or a rule's decision, recording who, when and why.
 *
 * <p>Invoice identity is (customer, period): a re-run finds the same invoice and keeps its number and issue date; a
 * draft or held invoice is rebuilt, an approved or later one is never silently changed. A posted invoice that no longer
 * matches the data is reported as divergent; a person corrects it with a credit note, after which the next run bills
 * the period again under a new number.
 */
public final class InvoiceLedger {

    /** Reason prefix of holds placed by a guard; a re-run lifts those when the guard no longer fires. */
    public static final String GUARD_HOLD = "held by guard: ";

    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyyyMM");

    private final InvoiceStore store;
    private final Company company;
    private final ApprovalPolicy approval;
    private final Clock clock;

    public InvoiceLedger(InvoiceStore store, Company company, ApprovalPolicy approval, Clock clock) {
        this.store = store;
        this.company = company;
        this.approval = approval;
        this.clock = clock;
    }

    public InvoiceLedger(InvoiceStore store, Company company, Clock clock) {
        this(store, company, ApprovalPolicy.MANUAL, clock);
    }

    /**
     * An invoice that can no longer change but differs from what the current data bills.
     *
     * @param invoice as stored
     * @param wanted what the run computed for it
     */
    public record Divergence(Invoice invoice, InvoiceDraft wanted) {}

    /** The period's invoices for the drafted customers as stored, and the frozen invoices the data no longer matches. */
    public record Convergence(List<Invoice> invoices, List<Divergence> divergences) {}

    /**
     * Applies the drafts of a run.
     *
     * @param untouchable customers whose invoices must stay as they are (a source they depend on failed)
     */
    public Convergence converge(YearMonth period, List<InvoiceDraft> drafts, Set<String> untouchable, String actor) {
        List<InvoiceDraft> ordered = drafts.stream()
                .sorted(Comparator.comparing(InvoiceDraft::customerId))
                .toList();
        List<Invoice> result = new ArrayList<>();
        List<Divergence> divergences = new ArrayList<>();
        for (InvoiceDraft draft : ordered) {
            Optional<Invoice> existing = store.find(draft.customerId(), period);
            Invoice invoice;
            if (existing.isEmpty()) {
                invoice = create(period, draft, actor);
            } else if (existing.get().status().isRebuildable()) {
                invoice = rebuild(existing.get(), draft, actor);
            } else {
                invoice = existing.get();
                if (!sameContent(invoice, draft) && invoice.status() != InvoiceStatus.VOID) {
                    divergences.add(new Divergence(invoice, draft));
                }
            }
            result.add(autoApprove(invoice));
        }
        voidVanished(period, ordered, untouchable, actor);
        return new Convergence(result, divergences);
    }

    /** A person approves a draft or held invoice. */
    public Invoice approve(String number, String actor, String reason) {
        return transition(number, InvoiceStatus.APPROVED, actor, reason);
    }

    /** A person holds a draft: re-runs keep rebuilding it but leave it held until released. */
    public Invoice hold(String number, String actor, String reason) {
        return transition(number, InvoiceStatus.HELD, actor, reason);
    }

    /** A person releases a held invoice back to draft. */
    public Invoice release(String number, String actor, String reason) {
        return transition(number, InvoiceStatus.DRAFT, actor, reason);
    }

    /**
     * Moves an invoice to another status, if its lifecycle allows it.
     *
     * @throws IllegalArgumentException naming the invoice and the allowed statuses when it does not
     */
    public Invoice transition(String number, InvoiceStatus target, String actor, String reason) {
        Invoice invoice =
                store.findByNumber(number).orElseThrow(() -> new IllegalArgumentException("no invoice " + number));
        if (!invoice.status().canBecome(target)) {
            throw new IllegalArgumentException(
                    "invoice " + number + " is " + invoice.status() + " and cannot become " + target + "; allowed: "
                            + (invoice.status().next().isEmpty()
                                    ? "none"
                                    : invoice.status().next()));
        }
        Invoice moved = invoice.withStatus(target);
        store.update(moved);
        store.recordTransition(number, invoice.status(), target, actor, reason, clock.instant());
        return moved;
    }

    /**
     * Corrects a posted invoice: issues a credit note for it in full. The invoice keeps its status (its payments are
     * history) but stops being the period's invoice, so the next run bills the period again under a new number.
     */
    public CreditNote credit(String number, String actor, String reason) {
        Invoice invoice =
                store.findByNumber(number).orElseThrow(() -> new IllegalArgumentException("no invoice " + number));
        if (!invoice.status().isPosted()) {
            throw new IllegalArgumentException("invoice " + number + " is " + invoice.status()
                    + "; only posted invoices are credited (void or rebuild the others)");
        }
        String prefix = company.invoicePrefix() + "CN-";
        long sequence = store.reserveSequence(prefix, invoice.period());
        CreditNote note = CreditNote.crediting(invoice, number(prefix, invoice.period(), sequence), today(), reason);
        store.insertCreditNote(note);
        store.recordTransition(
                number,
                invoice.status(),
                invoice.status(),
                actor,
                "credited by " + note.number() + ": " + reason,
                clock.instant());
        return note;
    }

    private Invoice create(YearMonth period, InvoiceDraft draft, String actor) {
        long sequence = store.reserveSequence(company.invoicePrefix(), period);
        Invoice invoice = toInvoice(
                number(company.invoicePrefix(), period, sequence),
                period,
                draft,
                today(),
                draft.held() ? InvoiceStatus.HELD : InvoiceStatus.DRAFT);
        store.insert(invoice);
        store.recordTransition(
                invoice.number(),
                null,
                invoice.status(),
                actor,
                draft.held() ? GUARD_HOLD + draft.holdReason() : "generated",
                clock.instant());
        return invoice;
    }

    private Invoice rebuild(Invoice existing, InvoiceDraft draft, String actor) {
        InvoiceStatus status = draft.held() || heldByPerson(existing) ? InvoiceStatus.HELD : InvoiceStatus.DRAFT;
        Invoice rebuilt = toInvoice(existing.number(), existing.period(), draft, existing.issueDate(), status);
        if (rebuilt.equals(existing)) {
            return existing;
        }
        store.update(rebuilt);
        if (rebuilt.status() != existing.status()) {
            String reason =
                    status == InvoiceStatus.HELD ? GUARD_HOLD + draft.holdReason() : "regenerated: guard cleared";
            store.recordTransition(
                    rebuilt.number(), existing.status(), rebuilt.status(), actor, reason, clock.instant());
        }
        return rebuilt;
    }

    private boolean heldByPerson(Invoice invoice) {
        if (invoice.status() != InvoiceStatus.HELD) {
            return false;
        }
        List<Transition> history = store.transitions(invoice.number());
        for (int i = history.size() - 1; i >= 0; i--) {
            Transition t = history.get(i);
            if (t.to() == InvoiceStatus.HELD && t.from() != InvoiceStatus.HELD) {
                return !t.reason().startsWith(GUARD_HOLD);
            }
        }
        return false;
    }

    private Invoice autoApprove(Invoice invoice) {
        if (invoice.status() != InvoiceStatus.DRAFT) {
            return invoice;
        }
        Optional<String> why = approval.approves(invoice, store.findPrevious(invoice.customerId(), invoice.period()));
        if (why.isEmpty()) {
            return invoice;
        }
        return transition(invoice.number(), InvoiceStatus.APPROVED, "approval-rule", why.get());
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

    /**
     * Whether a frozen invoice still bills what the data says. Sources are left out: a replaced device with the same
     * count bills the same money, and a posted invoice is only worth correcting when the money differs.
     */
    private static boolean sameContent(Invoice invoice, InvoiceDraft draft) {
        return withoutSources(invoice.lines()).equals(withoutSources(draft.lines()))
                && invoice.total().equals(draft.total())
                && invoice.tax().equals(draft.tax());
    }

    private static List<InvoiceLine> withoutSources(List<InvoiceLine> lines) {
        return lines.stream()
                .map(l -> new InvoiceLine(
                        l.contractId(),
                        l.lineId(),
                        l.description(),
                        l.quantity(),
                        l.unit(),
                        l.unitPrice(),
                        l.amount(),
                        l.taxable()))
                .toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(company.timezone()));
    }

    private static String number(String prefix, YearMonth period, long sequence) {
        return prefix + PERIOD.format(period) + "-" + String.format("%05d", sequence);
    }

    private Invoice toInvoice(
            String number, YearMonth period, InvoiceDraft draft, LocalDate issued, InvoiceStatus status) {
        return new Invoice(
                number,
                draft.customerId(),
                period,
                draft.currency(),
                status,
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
