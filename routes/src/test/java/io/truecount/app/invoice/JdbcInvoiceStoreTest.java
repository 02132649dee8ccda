package io.truecount.app.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.app.testing.TestDatabase;
import io.truecount.core.contract.Address;
import io.truecount.core.contract.Company;
import io.truecount.core.contract.TaxRule;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceDraft;
import io.truecount.core.invoice.InvoiceLedger;
import io.truecount.core.invoice.InvoiceLine;
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
        jdbc.execute("truncate invoice, invoice_line, invoice_sequence, invoice_transition cascade");
        Company company = new Company(
                "Zylker",
                USD,
                ZoneId.of("America/New_York"),
                "ZY-",
                new Address("1 Main St", null, "Springfield", "12345", null, "US"),
                "US123",
                30);
        ledger = new InvoiceLedger(
                new JdbcInvoiceStore(jdbc),
                company,
                Clock.fixed(Instant.parse("2026-11-01T15:00:00Z"), ZoneOffset.UTC));
        tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
    }

    private static InvoiceDraft draft(String customer, String quantity, String unitPrice, String amount) {
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
                                true),
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
                false);
    }

    private List<Invoice> converge(InvoiceDraft... drafts) {
        return tx.execute(s -> ledger.converge(OCTOBER, List.of(drafts), Set.of(), "test"));
    }

    @Test
    void storedInvoice_readsBackEqual_decimalScalesIncluded() {
        Invoice created = converge(draft("acme", "18", "45.00", "810.00")).get(0);
        Invoice read = new JdbcInvoiceStore(jdbc).find("acme", OCTOBER).orElseThrow();
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
        JdbcInvoiceStore store = new JdbcInvoiceStore(jdbc);
        assertThat(store.reserveSequence("ZY-", OCTOBER)).isEqualTo(1);
        assertThat(store.reserveSequence("ZY-", OCTOBER)).isEqualTo(2);
        assertThat(store.reserveSequence("ZY-", OCTOBER.plusMonths(1))).isEqualTo(1);
        assertThat(store.reserveSequence("AB-", OCTOBER)).isEqualTo(1);
    }
}
