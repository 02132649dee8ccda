package io.truecount.core.invoice;

import static io.truecount.core.Fixtures.USD;
import static io.truecount.core.Fixtures.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.truecount.core.contract.TaxRule;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvoiceLedgerTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    // 02:00 UTC on Nov 2 is still Nov 1 in New York: the issue date follows the company's zone.
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-02T02:00:00Z"), ZoneOffset.UTC);
    private final InMemoryInvoiceStore store = new InMemoryInvoiceStore();
    private final InvoiceLedger ledger = new InvoiceLedger(store, company(), clock);

    private static InvoiceDraft draft(String customer, String amount) {
        InvoiceLine line = new InvoiceLine(
                "c",
                "f",
                "Flat",
                BigDecimal.ONE,
                InvoiceLine.Unit.MONTH,
                new BigDecimal(amount),
                new BigDecimal(amount),
                true);
        return new InvoiceDraft(
                customer,
                USD,
                OCTOBER.atDay(1),
                OCTOBER.atEndOfMonth(),
                List.of(line),
                new TaxRule(new BigDecimal("8.25"), "S", null),
                null);
    }

    @Test
    void newInvoices_getPrefixPeriodAndSequence_inCustomerOrder() {
        List<Invoice> invoices = ledger.converge(
                        OCTOBER, List.of(draft("zeta", "10.00"), draft("acme", "810.00")), Set.of(), "cli")
                .invoices();
        assertThat(invoices)
                .extracting(Invoice::number, Invoice::customerId)
                .containsExactly(tuple("ZY-202610-00001", "acme"), tuple("ZY-202610-00002", "zeta"));
        Invoice acme = invoices.get(0);
        assertThat(acme.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(acme.issueDate()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(acme.dueDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(acme.taxAmount()).isEqualTo(new BigDecimal("66.83"));
        assertThat(acme.total()).isEqualTo(new BigDecimal("876.83"));
        assertThat(store.transitionLines()).contains("ZY-202610-00001 null->DRAFT by cli: generated");
    }

    @Test
    void rerunWithTheSameDrafts_changesNothing() {
        List<InvoiceDraft> drafts = List.of(draft("acme", "810.00"), draft("zeta", "10.00"));
        List<Invoice> first = ledger.converge(OCTOBER, drafts, Set.of(), "cli").invoices();
        int writes = store.writes;
        List<Invoice> second = ledger.converge(OCTOBER, drafts, Set.of(), "cli").invoices();
        assertThat(second).isEqualTo(first);
        assertThat(store.writes).isEqualTo(writes);
    }

    @Test
    void changedDraft_isRebuiltUnderItsNumber() {
        ledger.converge(OCTOBER, List.of(draft("acme", "810.00")), Set.of(), "cli")
                .invoices();
        Invoice rebuilt = ledger.converge(OCTOBER, List.of(draft("acme", "855.00")), Set.of(), "cli")
                .invoices()
                .get(0);
        assertThat(rebuilt.number()).isEqualTo("ZY-202610-00001");
        assertThat(rebuilt.subtotal()).isEqualByComparingTo("855.00");
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void approvedInvoice_isNeverSilentlyChanged() {
        Invoice first = ledger.converge(OCTOBER, List.of(draft("acme", "810.00")), Set.of(), "cli")
                .invoices()
                .get(0);
        Invoice approved = first.withStatus(InvoiceStatus.APPROVED);
        store.update(approved);
        Invoice after = ledger.converge(OCTOBER, List.of(draft("acme", "999.00")), Set.of(), "cli")
                .invoices()
                .get(0);
        assertThat(after).isEqualTo(approved);
    }

    @Test
    void draftWhoseCustomerHasNothingLeftToBill_isVoided_andItsNumberNeverReused() {
        ledger.converge(OCTOBER, List.of(draft("acme", "810.00"), draft("beta", "5.00")), Set.of(), "cli")
                .invoices();
        ledger.converge(OCTOBER, List.of(draft("acme", "810.00")), Set.of(), "cli")
                .invoices();
        assertThat(store.findByNumber("ZY-202610-00002").orElseThrow().status()).isEqualTo(InvoiceStatus.VOID);
        List<Invoice> again = ledger.converge(
                        OCTOBER, List.of(draft("acme", "810.00"), draft("gamma", "1.00")), Set.of(), "cli")
                .invoices();
        assertThat(again.get(1).number()).isEqualTo("ZY-202610-00003");
    }

    @Test
    void customerWhoseSourceFailed_keepsItsExistingDraft() {
        ledger.converge(OCTOBER, List.of(draft("acme", "810.00"), draft("beta", "5.00")), Set.of(), "cli")
                .invoices();
        ledger.converge(OCTOBER, List.of(draft("acme", "810.00")), Set.of("beta"), "cli")
                .invoices();
        assertThat(store.findByNumber("ZY-202610-00002").orElseThrow().status()).isEqualTo(InvoiceStatus.DRAFT);
    }
}
