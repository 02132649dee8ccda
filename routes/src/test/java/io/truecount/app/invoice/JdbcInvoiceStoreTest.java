package io.truecount.app.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.app.testing.TestDatabase;
import io.truecount.core.contract.Address;
import io.truecount.core.contract.Company;
import io.truecount.core.contract.TaxRule;
import io.truecount.core.invoice.CreditNote;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceDraft;
import io.truecount.core.invoice.InvoiceLedger;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.InvoiceStatus;
import io.truecount.core.invoice.SourceRef;
import io.truecount.core.invoice.Transition;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class JdbcInvoiceStoreTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Currency USD = Currency.getInstance("USD");
    private static TestDatabase db;

    private JdbcTemplate jdbc;
    private JdbcInvoiceStore store;
    private InvoiceLedger ledger;
    private TransactionTemplate tx;

    @BeforeAll
    static void start() {
        db = TestDatabase.startMigrated();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(db.dataSource());
        jdbc.execute("truncate invoice, invoice_line, invoice_sequence, invoice_transition, credit_note cascade");
        Company company = new Company(
                "Zylker",
                USD,
                ZoneId.of("America/New_York"),
                "ZY-",
                new Address("1 Main St", null, "Springfield", "12345", null, "US"),
                "US123",
                30);
        tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        store = new JdbcInvoiceStore(jdbc, tx, List.of());
        ledger = new InvoiceLedger(store, company, Clock.fixed(Instant.parse("2026-11-01T15:00:00Z"), ZoneOffset.UTC));
    }

    private static InvoiceDraft draft(String customer, String quantity, String unitPrice, String amount) {
        return draft(customer, quantity, unitPrice, amount, List.of());
    }

    private static InvoiceDraft draft(
            String customer, String quantity, String unitPrice, String amount, List<SourceRef> sources) {
        return new InvoiceDraft(
                customer,
                USD,
                OCTOBER.atDay(1),
                OCTOBER.atEndOfMonth(),
                List.of(
                        new InvoiceLine(
                                "managed",
                                "workstations",
                                "Managed workstation",
                                new BigDecimal(quantity),
                                InvoiceLine.Unit.EACH,
                                new BigDecimal(unitPrice),
                                new BigDecimal(amount),
                                true,
                                sources),
                        new InvoiceLine(
                                "managed",
                                "setup",
                                "Setup",
                                BigDecimal.ONE,
                                InvoiceLine.Unit.EACH,
                                null,
                                new BigDecimal("10.00"),
                                false)),
                new TaxRule(new BigDecimal("8.25"), "S", null),
                null);
    }

    private List<Invoice> converge(InvoiceDraft... drafts) {
        return converge(OCTOBER, drafts);
    }

    private List<Invoice> converge(YearMonth period, InvoiceDraft... drafts) {
        return tx.execute(s -> ledger.converge(period, List.of(drafts), Set.of(), "test"))
                .invoices();
    }

    @Test
    void storedInvoice_readsBackEqual_decimalScalesIncluded() {
        Invoice created = converge(draft("acme", "18", "45.00", "810.00")).get(0);
        Invoice read = store.find("acme", OCTOBER).orElseThrow();
        assertThat(read).isEqualTo(created);
        assertThat(read.lines().get(0).unitPrice().toPlainString()).isEqualTo("45.00");
        assertThat(read.lines().get(1).unitPrice()).isNull();
        assertThat(read.total().toPlainString()).isEqualTo("886.83");
    }

    @Test
    void secondRun_writesNothing_andKeepsNumbers() {
        List<Invoice> first = converge(draft("acme", "18", "45.00", "810.00"), draft("beta", "2", "45.00", "90.00"));
        Integer transitions = jdbc.queryForObject("select count(*) from invoice_transition", Integer.class);
        List<Invoice> second = converge(draft("acme", "18", "45.00", "810.00"), draft("beta", "2", "45.00", "90.00"));
        assertThat(second).isEqualTo(first);
        assertThat(second).extracting(Invoice::number).containsExactly("ZY-202610-00001", "ZY-202610-00002");
        assertThat(jdbc.queryForObject("select count(*) from invoice_transition", Integer.class))
                .isEqualTo(transitions);
    }

    @Test
    void changedDraft_replacesLinesUnderTheSameNumber() {
        converge(draft("acme", "18", "45.00", "810.00"));
        Invoice rebuilt = converge(draft("acme", "19", "45.00", "855.00")).get(0);
        assertThat(rebuilt.number()).isEqualTo("ZY-202610-00001");
        assertThat(jdbc.queryForObject(
                        "select quantity from invoice_line where invoice_number = ? and position = 1",
                        BigDecimal.class,
                        rebuilt.number()))
                .isEqualByComparingTo("19");
        assertThat(jdbc.queryForObject("select count(*) from invoice_line", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void sequence_isPerPrefixAndPeriod_andNeverReused() {
        assertThat(store.reserveSequence("ZY-", OCTOBER)).isEqualTo(1);
        assertThat(store.reserveSequence("ZY-", OCTOBER)).isEqualTo(2);
        assertThat(store.reserveSequence("ZY-", OCTOBER.plusMonths(1))).isEqualTo(1);
        assertThat(store.reserveSequence("AB-", OCTOBER)).isEqualTo(1);
    }

    @Test
    void lineSources_roundTripInTheirOrder_soARerunComparesEqual() {
        List<SourceRef> sources = List.of(
                new SourceRef(SourceRef.ASSET, "ninja", "1042", "ACME-PC-07"),
                new SourceRef(SourceRef.ASSET, "ninja", "0999", "ACME-PC-01"),
                new SourceRef(SourceRef.ASSET, "datto", "abc", "ACME-LT-02"));
        Invoice created =
                converge(draft("acme", "3", "45.00", "135.00", sources)).get(0);

        Invoice read = store.findByNumber(created.number()).orElseThrow();
        assertThat(read).isEqualTo(created);
        assertThat(read.lines().get(0).sources()).containsExactlyElementsOf(sources);
        assertThat(read.lines().get(1).sources()).isEmpty();

        Integer transitions = jdbc.queryForObject("select count(*) from invoice_transition", Integer.class);
        converge(draft("acme", "3", "45.00", "135.00", sources));
        assertThat(jdbc.queryForObject("select count(*) from invoice_transition", Integer.class))
                .isEqualTo(transitions);

        // A rebuild with other sources replaces them rather than adding to them.
        Invoice rebuilt = converge(draft("acme", "3", "45.00", "135.00", sources.subList(1, 3)))
                .get(0);
        assertThat(store.find("acme", OCTOBER).orElseThrow()).isEqualTo(rebuilt);
        assertThat(jdbc.queryForObject("select count(*) from invoice_line_source", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void creditedInvoice_isNoLongerCurrent_andThePeriodIsBilledAgainUnderANewNumber() {
        List<SourceRef> sources = List.of(new SourceRef(SourceRef.ASSET, "ninja", "1042", "ACME-PC-07"));
        Invoice first = converge(draft("acme", "18", "45.00", "810.00", sources), draft("beta", "2", "45.00", "90.00"))
                .get(0);
        tx.executeWithoutResult(s -> {
            ledger.approve(first.number(), "jane", "checked");
            ledger.transition(first.number(), InvoiceStatus.POSTED, "qbo", "pushed");
        });
        CreditNote note = tx.execute(s -> ledger.credit(first.number(), "jane", "wrong device count"));

        assertThat(store.find("acme", OCTOBER)).isEmpty();
        assertThat(store.findByPeriod(OCTOBER)).extracting(Invoice::customerId).containsExactly("beta");
        assertThat(store.findByNumber(first.number()).orElseThrow().status()).isEqualTo(InvoiceStatus.POSTED);
        assertThat(store.creditNotes(OCTOBER)).containsExactly(note);
        assertThat(note.lines()).isEqualTo(first.lines());

        Invoice again = converge(draft("acme", "17", "45.00", "765.00"), draft("beta", "2", "45.00", "90.00"))
                .get(0);
        assertThat(again.number()).isNotEqualTo(first.number()).isEqualTo("ZY-202610-00003");
        assertThat(store.find("acme", OCTOBER)).contains(again);
        assertThat(jdbc.queryForObject(
                        "select credited_by from invoice where number = ?", String.class, first.number()))
                .isEqualTo(note.number());
    }

    @Test
    void creditingTwice_isRefused_andLeavesNoSecondNote() {
        Invoice invoice = converge(draft("acme", "18", "45.00", "810.00")).get(0);
        tx.executeWithoutResult(s -> {
            ledger.approve(invoice.number(), "jane", "checked");
            ledger.transition(invoice.number(), InvoiceStatus.POSTED, "qbo", "pushed");
        });
        CreditNote note = tx.execute(s -> ledger.credit(invoice.number(), "jane", "first"));
        CreditNote duplicate = new CreditNote(
                "ZY-CN-202610-00099",
                invoice.number(),
                "acme",
                OCTOBER,
                USD,
                note.issueDate(),
                note.lines(),
                note.tax(),
                note.subtotal(),
                note.taxAmount(),
                note.total(),
                "second");
        assertThatThrownBy(() -> store.insertCreditNote(duplicate))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already credited");
        assertThat(store.creditNotes(OCTOBER)).containsExactly(note);
    }

    @Test
    void findPrevious_skipsVoidAndCreditedInvoices_andLaterPeriods() {
        YearMonth july = YearMonth.of(2026, 7);
        YearMonth august = YearMonth.of(2026, 8);
        YearMonth september = YearMonth.of(2026, 9);
        Invoice inJuly = converge(july, draft("acme", "10", "45.00", "450.00")).get(0);
        Invoice inAugust =
                converge(august, draft("acme", "11", "45.00", "495.00")).get(0);
        tx.executeWithoutResult(s -> ledger.transition(inAugust.number(), InvoiceStatus.VOID, "jane", "duplicate"));
        Invoice inSeptember =
                converge(september, draft("acme", "12", "45.00", "540.00")).get(0);
        tx.executeWithoutResult(s -> {
            ledger.approve(inSeptember.number(), "jane", "ok");
            ledger.transition(inSeptember.number(), InvoiceStatus.POSTED, "qbo", "pushed");
            ledger.credit(inSeptember.number(), "jane", "wrong");
        });
        converge(draft("acme", "13", "45.00", "585.00"));

        assertThat(store.findPrevious("acme", OCTOBER)).contains(inJuly);
        assertThat(store.findPrevious("acme", july)).isEmpty();
        assertThat(store.findPrevious("beta", OCTOBER)).isEmpty();

        Invoice inSeptemberAgain =
                converge(september, draft("acme", "12", "45.00", "540.00")).get(0);
        assertThat(store.findPrevious("acme", OCTOBER)).contains(inSeptemberAgain);
    }

    @Test
    void transitions_areListedOldestFirst() {
        Invoice invoice = converge(draft("acme", "18", "45.00", "810.00")).get(0);
        tx.executeWithoutResult(s -> {
            ledger.hold(invoice.number(), "jane", "customer disputes count");
            ledger.release(invoice.number(), "jane", "resolved");
            ledger.approve(invoice.number(), "bob", "ok");
        });
        List<Transition> transitions = store.transitions(invoice.number());
        assertThat(transitions)
                .extracting(t -> t.from() + ">" + t.to() + " " + t.actor() + ": " + t.reason())
                .containsExactly(
                        "null>DRAFT test: generated",
                        "DRAFT>HELD jane: customer disputes count",
                        "HELD>DRAFT jane: resolved",
                        "DRAFT>APPROVED bob: ok");
        assertThat(transitions).allMatch(t -> t.number().equals(invoice.number()));
        assertThat(store.transitions("ZY-202610-99999")).isEmpty();
    }
}
