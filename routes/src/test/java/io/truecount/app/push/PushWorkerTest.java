package io.truecount.app.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.app.TruecountProperties;
import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.TruecountConfig;
import io.truecount.app.invoice.ApprovalListener;
import io.truecount.app.invoice.JdbcInvoiceStore;
import io.truecount.app.testing.TestDatabase;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.SourceException;
import io.truecount.connector.SourceUnavailableException;
import io.truecount.connector.push.PushReceipt;
import io.truecount.connector.push.PushRequest;
import io.truecount.connector.push.SinkConnector;
import io.truecount.connector.testing.TestClock;
import io.truecount.core.contract.Address;
import io.truecount.core.contract.Company;
import io.truecount.core.contract.Customer;
import io.truecount.core.contract.TaxRule;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceDraft;
import io.truecount.core.invoice.InvoiceLedger;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.InvoiceStatus;
import io.truecount.core.invoice.InvoiceStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's state machine on real PostgreSQL, against a vendor that keeps what it was sent: every way a push can go
 * wrong ends with exactly one invoice at the vendor.
 */
class PushWorkerTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Currency USD = Currency.getInstance("USD");
    private static TestDatabase db;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-01T15:00:00Z"));
    private final Vendor vendor = new Vendor();
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;
    private InvoiceStore store;
    private Outbox outbox;
    private TruecountConfig config;

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
        jdbc.execute("truncate invoice, invoice_line, invoice_sequence, invoice_transition, push cascade");
        tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        Company company = new Company(
                "Zylker", USD, ZoneOffset.UTC, "ZY-", new Address("1 Main St", null, "X", "1", null, "US"), "US1", 30);
        Map<String, ConnectorSettings> connectors = new LinkedHashMap<>();
        connectors.put("pay", settings("pay", "stripe"));
        connectors.put("books", settings("books", "xero"));
        Map<String, Customer> customers = new LinkedHashMap<>();
        customers.put("acme", customer("acme", Map.of("pay", "cus_1")));
        customers.put("bob", customer("bob", Map.of()));
        config = new TruecountConfig(Path.of("truecount.yaml"), company, connectors, customers, List.of());
        AtomicReference<Outbox> box = new AtomicReference<>();
        ApprovalListener listener = (number, at) -> box.get().approved(number, at);
        store = new JdbcInvoiceStore(jdbc, tx, List.of(listener));
        outbox = new Outbox(jdbc, tx, ActiveConfig.of(config));
        box.set(outbox);
    }

    @Test
    void approval_writesOnePushPerSinkTheCustomerHas_andDeliveryPostsTheInvoice() {
        String acme = approvedInvoice("acme");
        String bob = approvedInvoice("bob");

        assertThat(outbox.of(List.of(acme, bob)))
                .extracting(PushRow::invoiceNumber, PushRow::connectorId, PushRow::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(acme, "pay", PushState.PENDING));

        worker("w1").deliverDue(null);

        assertThat(outbox.of(List.of(acme))).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(PushState.CONFIRMED);
            assertThat(p.externalId()).isEqualTo("in_1");
        });
        assertThat(store.findByNumber(acme).orElseThrow().status()).isEqualTo(InvoiceStatus.POSTED);
        assertThat(vendor.created).hasSize(1);
    }

    @Test
    void appliedButAnswerLost_isUnknown_thenFoundByReadingBack_neverSentTwice() {
        String acme = approvedInvoice("acme");
        vendor.loseNextAnswer = true;

        worker("w1").deliverDue(null);

        assertThat(outbox.of(List.of(acme)))
                .singleElement()
                .extracting(PushRow::state)
                .isEqualTo(PushState.UNKNOWN);
        clock.advance(Duration.ofMinutes(1));
        worker("w1").deliverDue(null);

        assertThat(outbox.of(List.of(acme)))
                .singleElement()
                .extracting(PushRow::state, PushRow::externalId)
                .containsExactly(PushState.CONFIRMED, "in_1");
        assertThat(vendor.created).hasSize(1);
        assertThat(vendor.pushes).isEqualTo(1);
        assertThat(vendor.finds).isEqualTo(1);
    }

    @Test
    void workerDiesBetweenSendAndRecord_anotherResumesAfterTheLease_byReadingBack() {
        String acme = approvedInvoice("acme");
        List<Claim> claims = outbox.claim("dying", clock.instant(), Duration.ofSeconds(120), 8, null);
        assertThat(claims).singleElement().extracting(Claim::readBackFirst).isEqualTo(false);
        // The dying worker sent it, the vendor created it, and the process ended before recording anything.
        vendor.push(request(acme));

        assertThat(worker("other").deliverDue(null))
                .as("still leased to the dying worker")
                .isZero();
        clock.advance(Duration.ofSeconds(121));
        worker("other").deliverDue(null);

        assertThat(outbox.of(List.of(acme)))
                .singleElement()
                .extracting(PushRow::state)
                .isEqualTo(PushState.CONFIRMED);
        assertThat(vendor.created).hasSize(1);
        assertThat(vendor.finds).as("resumed by reading back").isEqualTo(1);
        assertThat(vendor.pushes).as("only the dying worker's send").isEqualTo(1);
    }

    @Test
    void refusedByTheVendor_isFailed_andAnAdminRetryReadsBackBeforeSending() {
        String acme = approvedInvoice("acme");
        vendor.refuseNext = true;

        worker("w1").deliverDue(null);

        assertThat(outbox.of(List.of(acme))).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(PushState.FAILED);
            assertThat(p.lastError()).contains("Contact does not exist");
        });
        assertThat(outbox.retry(acme, null, clock.instant())).isEqualTo(1);
        worker("w1").deliverDue(null);

        assertThat(outbox.of(List.of(acme)))
                .singleElement()
                .extracting(PushRow::state)
                .isEqualTo(PushState.CONFIRMED);
        assertThat(vendor.finds).isEqualTo(1);
        assertThat(vendor.created).hasSize(1);
        // The vendor keeps the refused request under the first key; the corrected one needs its own.
        assertThat(vendor.keys).containsExactly("truecount-" + acme + "-pay", "truecount-" + acme + "-pay-r1");
    }

    @Test
    void aPushAnotherTransactionHoldsIsSkipped_notWaitedFor_andNeverClaimedTwice() throws Exception {
        String first = approvedInvoice("acme");
        String second = tx.execute(s -> {
            Invoice november = ledger().converge(OCTOBER.plusMonths(1), List.of(draft("acme")), Set.of(), "test")
                    .invoices()
                    .get(0);
            ledger().approve(november.number(), "admin", "ok");
            return november.number();
        });
        try (Connection other = db.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("select id from push where invoice_number = '" + first + "' for update");
            }
            List<Claim> claimed = outbox.claim("w1", clock.instant(), Duration.ofSeconds(120), 8, null);

            assertThat(claimed).extracting(Claim::invoiceNumber).containsExactly(second);
            other.rollback();
        }
        assertThat(outbox.claim("w2", clock.instant(), Duration.ofSeconds(120), 8, null))
                .extracting(Claim::invoiceNumber)
                .containsExactly(first);
        assertThat(outbox.claim("w3", clock.instant(), Duration.ofSeconds(120), 8, null))
                .isEmpty();
    }

    @Test
    void anInvoiceVoidedBeforeItWasSent_isNotSent() {
        String acme = approvedInvoice("acme");
        tx.executeWithoutResult(s -> ledger().transition(acme, InvoiceStatus.VOID, "admin", "wrong customer"));

        worker("w1").deliverDue(null);

        assertThat(outbox.of(List.of(acme))).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(PushState.FAILED);
            assertThat(p.lastError()).contains("voided");
        });
        assertThat(vendor.pushes).isZero();
    }

    @Test
    void vendorDownEveryTime_givesUpAsFailedNamingTheUnknownOutcome() {
        String acme = approvedInvoice("acme");
        vendor.down = true;

        for (int i = 0; i < 8; i++) {
            worker("w1").deliverDue(null);
            clock.advance(Duration.ofHours(1));
        }

        assertThat(outbox.of(List.of(acme))).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(PushState.FAILED);
            assertThat(p.lastError())
                    .contains("outcome unknown after 8 attempts")
                    .contains("check pay");
        });
    }

    private PushWorker worker(String name) {
        PushWorker worker = new PushWorker(
                outbox,
                new SinkConnectors(Map.of("pay", vendor)),
                store,
                ActiveConfig.of(config),
                clock,
                tx,
                properties());
        return worker;
    }

    private static TruecountProperties properties() {
        return new TruecountProperties(
                false,
                4,
                null,
                new TruecountProperties.Push(120, 8, 2000),
                new TruecountProperties.Webhooks(1 << 20, 5, 1000, 1));
    }

    private InvoiceLedger ledger() {
        return new InvoiceLedger(store, config.company(), clock);
    }

    private String approvedInvoice(String customer) {
        return tx.execute(s -> {
            InvoiceLedger ledger = ledger();
            Invoice invoice = ledger.converge(OCTOBER, List.of(draft(customer)), Set.of(), "test")
                    .invoices()
                    .get(0);
            ledger.approve(invoice.number(), "admin", "looks right");
            return invoice.number();
        });
    }

    private PushRequest request(String number) {
        Invoice invoice = store.findByNumber(number).orElseThrow();
        Customer customer = config.customers().get(invoice.customerId());
        return new PushRequest(
                PushRequest.keyOf(number, "pay"),
                invoice,
                config.company(),
                customer,
                customer.accounting().get("pay"));
    }

    private static InvoiceDraft draft(String customer) {
        return new InvoiceDraft(
                customer,
                USD,
                OCTOBER.atDay(1),
                OCTOBER.atEndOfMonth(),
                List.of(new InvoiceLine(
                        "managed",
                        "workstations",
                        "Managed workstation",
                        new BigDecimal("3"),
                        InvoiceLine.Unit.EACH,
                        new BigDecimal("45.00"),
                        new BigDecimal("135.00"),
                        true)),
                TaxRule.NONE,
                null);
    }

    private static ConnectorSettings settings(String id, String type) {
        return new ConnectorSettings(id, type, null, null, Map.of(), null, null, Map.of(), null, Map.of());
    }

    private static Customer customer(String id, Map<String, String> accounting) {
        return new Customer(
                id, id, USD, TaxRule.NONE, new Address(null, null, null, null, null, "US"), Map.of(), accounting, null);
    }

    /** A vendor that keeps what it created, by invoice number, and can lose an answer, refuse, or be down. */
    private static final class Vendor implements SinkConnector {
        final Map<String, PushReceipt> created = new LinkedHashMap<>();
        final List<String> keys = new ArrayList<>();
        int pushes;
        int finds;
        boolean loseNextAnswer;
        boolean refuseNext;
        boolean down;

        @Override
        public void checkConnection() {}

        @Override
        public Optional<PushReceipt> find(PushRequest request) {
            finds++;
            if (down) {
                throw new SourceUnavailableException("pay", "https://vendor/find", 503, "down", null);
            }
            return Optional.ofNullable(created.get(request.invoice().number()));
        }

        @Override
        public PushReceipt push(PushRequest request) {
            pushes++;
            keys.add(request.key());
            if (down) {
                throw new SourceUnavailableException("pay", "https://vendor/invoices", 503, "down", null);
            }
            if (refuseNext) {
                refuseNext = false;
                throw SourceException.of("pay", "HTTP 400: Contact does not exist");
            }
            PushReceipt receipt = created.computeIfAbsent(
                    request.invoice().number(), k -> new PushReceipt("in_" + (created.size() + 1), null, null));
            if (loseNextAnswer) {
                loseNextAnswer = false;
                throw new SourceUnavailableException("pay", "https://vendor/invoices", null, "read timed out", null);
            }
            return receipt;
        }
    }
}
