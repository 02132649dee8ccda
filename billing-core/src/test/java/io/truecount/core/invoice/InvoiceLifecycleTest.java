package io.truecount.core.invoice;

import static io.truecount.core.Fixtures.USD;
import static io.truecount.core.Fixtures.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.core.contract.TaxRule;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DRAFT → APPROVED → POSTED → PAID, holds, approval rules and credit notes, each transition recorded. */
class InvoiceLifecycleTest {

    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T12:00:00Z"), ZoneOffset.UTC);
    private final InMemoryInvoiceStore store = new InMemoryInvoiceStore();
    private final InvoiceLedger ledger = new InvoiceLedger(store, company(), clock);

    private static InvoiceDraft draft(String quantity, String amount, String holdReason) {
        InvoiceLine line = new InvoiceLine(
                "c",
                "ws",
                "Workstations",
                new BigDecimal(quantity),
                InvoiceLine.Unit.EACH,
                new BigDecimal("10.00"),
                new BigDecimal(amount),
                true);
        return new InvoiceDraft(
                "acme", USD, OCTOBER.atDay(1), OCTOBER.atEndOfMonth(), List.of(line), TaxRule.NONE, holdReason);
    }

    private Invoice generate(YearMonth period, InvoiceDraft draft) {
        return ledger.converge(period, List.of(draft), Set.of(), "cli:ann")
                .invoices()
                .get(0);
    }

    @Test
    void approvePostPay_isRecordedWithActorAndReason() {
        Invoice invoice = generate(OCTOBER, draft("10", "100.00", null));
        ledger.approve(invoice.number(), "cli:bob", "checked against the contract");
        ledger.transition(invoice.number(), InvoiceStatus.POSTED, "push:qbo", "created in QuickBooks as 812");
        ledger.transition(invoice.number(), InvoiceStatus.PAID, "webhook:stripe", "invoice.paid evt_1");

        assertThat(store.findByNumber(invoice.number()).orElseThrow().status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(store.transitions(invoice.number()))
                .extracting(Transition::from, Transition::to, Transition::actor, Transition::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, InvoiceStatus.DRAFT, "cli:ann", "generated"),
                        org.assertj.core.groups.Tuple.tuple(
                                InvoiceStatus.DRAFT, InvoiceStatus.APPROVED, "cli:bob", "checked against the contract"),
                        org.assertj.core.groups.Tuple.tuple(
                                InvoiceStatus.APPROVED,
                                InvoiceStatus.POSTED,
                                "push:qbo",
                                "created in QuickBooks as 812"),
                        org.assertj.core.groups.Tuple.tuple(
                                InvoiceStatus.POSTED, InvoiceStatus.PAID, "webhook:stripe", "invoice.paid evt_1"));
    }

    @Test
    void illegalTransition_isRefusedNamingWhatIsAllowed() {
        Invoice invoice = generate(OCTOBER, draft("10", "100.00", null));
        assertThatThrownBy(() -> ledger.transition(invoice.number(), InvoiceStatus.PAID, "cli:bob", "paid cash"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is DRAFT and cannot become PAID")
                .hasMessageContaining("APPROVED");
        assertThat(store.transitions(invoice.number())).hasSize(1);
    }

    @Test
    void latePaymentFailure_afterPaid_cannotUndoThePayment() {
        assertThat(InvoiceStatus.PAID.canBecome(InvoiceStatus.PAYMENT_FAILED)).isFalse();
        assertThat(InvoiceStatus.PAYMENT_FAILED.canBecome(InvoiceStatus.PAID)).isTrue();
    }

    @Test
    void guardHold_isLiftedWhenARerunNoLongerTripsIt() {
        Invoice held = generate(OCTOBER, draft("5", "50.00", "COUNT_DROP on c/ws (10 → 5)"));
        assertThat(held.status()).isEqualTo(InvoiceStatus.HELD);
        Invoice rebuilt = generate(OCTOBER, draft("10", "100.00", null));
        assertThat(rebuilt.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(rebuilt.number()).isEqualTo(held.number());
        assertThat(store.transitions(held.number()).get(0).reason()).startsWith(InvoiceLedger.GUARD_HOLD);
    }

    @Test
    void personsHold_survivesReruns_untilReleased() {
        Invoice invoice = generate(OCTOBER, draft("10", "100.00", null));
        ledger.hold(invoice.number(), "cli:bob", "customer disputes the server count");
        Invoice rebuilt = generate(OCTOBER, draft("11", "110.00", null));
        assertThat(rebuilt.status()).isEqualTo(InvoiceStatus.HELD);
        assertThat(rebuilt.total()).isEqualByComparingTo("110.00");
        ledger.release(invoice.number(), "cli:bob", "resolved");
        assertThat(store.findByNumber(invoice.number()).orElseThrow().status()).isEqualTo(InvoiceStatus.DRAFT);
    }

    @Test
    void postedInvoiceThatNoLongerMatchesTheData_isReportedAsDivergent_notChanged() {
        Invoice invoice = generate(OCTOBER, draft("10", "100.00", null));
        ledger.approve(invoice.number(), "cli:bob", "ok");
        ledger.transition(invoice.number(), InvoiceStatus.POSTED, "push:qbo", "posted");
        InvoiceLedger.Convergence again =
                ledger.converge(OCTOBER, List.of(draft("12", "120.00", null)), Set.of(), "cli:ann");
        assertThat(again.invoices().get(0).total()).isEqualByComparingTo("100.00");
        assertThat(again.divergences()).hasSize(1);
        assertThat(again.divergences().get(0).wanted().total()).isEqualByComparingTo("120.00");
    }

    @Test
    void creditNote_creditsThePostedInvoiceInFull_andTheNextRunBillsThePeriodAgainUnderANewNumber() {
        Invoice invoice = generate(OCTOBER, draft("10", "100.00", null));
        ledger.approve(invoice.number(), "cli:bob", "ok");
        ledger.transition(invoice.number(), InvoiceStatus.POSTED, "push:qbo", "posted");

        CreditNote note = ledger.credit(invoice.number(), "cli:bob", "two devices were billed twice");
        assertThat(note.number()).isEqualTo("ZY-CN-202610-00001");
        assertThat(note.invoiceNumber()).isEqualTo(invoice.number());
        assertThat(note.total()).isEqualByComparingTo("100.00");
        assertThat(note.lines()).isEqualTo(invoice.lines());

        Invoice corrected = generate(OCTOBER, draft("8", "80.00", null));
        assertThat(corrected.number()).isEqualTo("ZY-202610-00002");
        assertThat(corrected.total()).isEqualByComparingTo("80.00");
        assertThat(store.creditNotes(OCTOBER)).containsExactly(note);
    }

    @Test
    void onlyPostedInvoices_areCredited() {
        Invoice invoice = generate(OCTOBER, draft("10", "100.00", null));
        assertThatThrownBy(() -> ledger.credit(invoice.number(), "cli:bob", "oops"))
                .hasMessageContaining("only posted invoices are credited");
    }

    @Test
    void autoApproval_whenLinesAndTotalStayWithinTheThreshold_ofAnApprovedPreviousInvoice() {
        InvoiceLedger auto = new InvoiceLedger(store, company(), new ApprovalPolicy(true, new BigDecimal("5")), clock);
        Invoice september = auto.converge(SEPTEMBER, List.of(draft("20", "200.00", null)), Set.of(), "run")
                .invoices()
                .get(0);
        // No earlier invoice to compare with: a person approves the first one.
        assertThat(september.status()).isEqualTo(InvoiceStatus.DRAFT);
        auto.approve(september.number(), "cli:bob", "first invoice");

        Invoice october = auto.converge(OCTOBER, List.of(draft("21", "210.00", null)), Set.of(), "run")
                .invoices()
                .get(0);
        assertThat(october.status()).isEqualTo(InvoiceStatus.APPROVED);
        assertThat(store.transitions(october.number()).get(1).actor()).isEqualTo("approval-rule");
        assertThat(store.transitions(october.number()).get(1).reason()).contains(september.number());
    }

    @Test
    void autoApproval_refused_whenAQuantityMovedBeyondTheThreshold() {
        InvoiceLedger auto = new InvoiceLedger(store, company(), new ApprovalPolicy(true, new BigDecimal("5")), clock);
        Invoice september = auto.converge(SEPTEMBER, List.of(draft("20", "200.00", null)), Set.of(), "run")
                .invoices()
                .get(0);
        auto.approve(september.number(), "cli:bob", "first invoice");
        // 20 -> 22 is 10 %.
        Invoice october = auto.converge(OCTOBER, List.of(draft("22", "220.00", null)), Set.of(), "run")
                .invoices()
                .get(0);
        assertThat(october.status()).isEqualTo(InvoiceStatus.DRAFT);
    }

    @Test
    void heldInvoice_isNeverAutoApproved() {
        InvoiceLedger auto = new InvoiceLedger(store, company(), new ApprovalPolicy(true, new BigDecimal("50")), clock);
        Invoice september = auto.converge(SEPTEMBER, List.of(draft("20", "200.00", null)), Set.of(), "run")
                .invoices()
                .get(0);
        auto.approve(september.number(), "cli:bob", "first invoice");
        Invoice october = auto.converge(OCTOBER, List.of(draft("19", "190.00", "COUNT_DROP")), Set.of(), "run")
                .invoices()
                .get(0);
        assertThat(october.status()).isEqualTo(InvoiceStatus.HELD);
    }
}
