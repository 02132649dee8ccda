package io.truecount.app.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.app.TruecountProperties;
import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.TruecountConfig;
import io.truecount.app.invoice.ApprovalListener;
import io.truecount.app.invoice.JdbcInvoiceStore;
import io.truecount.app.ops.ClaimingWorker;
import io.truecount.app.ops.OperationsProperties;
import io.truecount.app.ops.WorkShutdown;
import io.truecount.app.testing.TestDatabase;
import io.truecount.connector.ConnectorSettings;
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
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A server stopping while it pushes, on real PostgreSQL: closing the application context gives back the pushes the
 * worker claimed but had not started (claimable by another instance at once, not after the lease), and returns only
 * once the push being sent is recorded.
 */
class PushShutdownTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Currency USD = Currency.getInstance("USD");
    private static final Duration LEASE = Duration.ofSeconds(120);
    private static TestDatabase db;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-01T15:00:00Z"));
    private final SlowVendor vendor = new SlowVendor();
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;
    private JdbcInvoiceStore store;
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
        Map<String, Customer> customers = new LinkedHashMap<>();
        for (String id : List.of("acme", "beta", "gamma")) {
            customers.put(
                    id,
                    new Customer(
                            id,
                            id,
                            USD,
                            TaxRule.NONE,
                            new Address(null, null, null, null, null, "US"),
                            Map.of(),
                            Map.of("pay", "cus_" + id),
                            null));
        }
        config = new TruecountConfig(
                Path.of("truecount.yaml"),
                company,
                Map.of(
                        "pay",
                        new ConnectorSettings(
                                "pay", "stripe", null, null, Map.of(), null, null, Map.of(), null, Map.of())),
                customers,
                List.of());
        AtomicReference<Outbox> box = new AtomicReference<>();
        ApprovalListener listener = (number, at) -> box.get().approved(number, at);
        store = new JdbcInvoiceStore(jdbc, tx, List.of(listener));
        outbox = new Outbox(jdbc, tx, ActiveConfig.of(config));
        box.set(outbox);
    }

    @Test
    void closing_givesBackUnstartedPushesAtOnce_andReturnsOnlyAfterThePushBeingSentIsRecorded() throws Exception {
        String acme = approvedInvoice("acme");
        String beta = approvedInvoice("beta");
        String gamma = approvedInvoice("gamma");
        PushWorker worker = worker();
        Thread delivering = new Thread(() -> worker.deliverDue(null), "outbox");
        delivering.start();
        assertThat(vendor.sending.await(10, TimeUnit.SECONDS))
                .as("the worker claimed the batch and is sending the first")
                .isTrue();
        assertThat(states()).containsEntry(beta, "SENT").containsEntry(gamma, "SENT");

        GenericApplicationContext context = context(worker, Duration.ofSeconds(20));
        AtomicReference<String> acmeWhenClosed = new AtomicReference<>();
        Thread closing = new Thread(
                () -> {
                    context.close();
                    acmeWhenClosed.set(states().get(acme));
                },
                "close");
        closing.start();

        awaitReleased(beta, gamma);
        List<Claim> taken = outbox.claim("other-instance", clock.instant(), LEASE, 8, null);
        assertThat(taken)
                .as("claimable at once by another instance, no lease to wait for")
                .extracting(Claim::invoiceNumber)
                .containsExactly(beta, gamma);
        assertThat(taken).allSatisfy(c -> {
            assertThat(c.readBackFirst())
                    .as("never sent, so sent without reading back")
                    .isFalse();
            assertThat(c.attempts())
                    .as("the given-back claim was not an attempt")
                    .isZero();
        });
        closing.join(300);
        assertThat(closing.isAlive()).as("close waits for the push being sent").isTrue();

        vendor.proceed.countDown();
        closing.join(10_000);
        delivering.join(10_000);

        assertThat(closing.isAlive()).isFalse();
        assertThat(acmeWhenClosed.get()).as("recorded before close returned").isEqualTo("CONFIRMED");
        assertThat(vendor.pushed).containsExactly(acme);
    }

    @Test
    void aClaimToReadBackFirst_isGivenBackUnknown_soTheNextWorkerLooksBeforeSending() {
        String acme = approvedInvoice("acme");
        vendor.proceed.countDown();
        vendor.loseAnswers = true;
        worker().deliverDue(null);
        assertThat(states()).containsEntry(acme, "UNKNOWN");
        clock.advance(Duration.ofMinutes(5));
        Claim claim = outbox.claim("w1", clock.instant(), LEASE, 8, null).get(0);
        assertThat(claim.readBackFirst()).isTrue();

        assertThat(outbox.release(claim, "someone-else", clock.instant()))
                .as("only the worker holding it gives it back")
                .isFalse();
        assertThat(outbox.release(claim, "w1", clock.instant())).isTrue();

        Map<String, Object> row = jdbc.queryForMap("select state, claimed_by, lease_until, attempts from push");
        assertThat(row.get("state")).isEqualTo("UNKNOWN");
        assertThat(row.get("claimed_by")).isNull();
        assertThat(row.get("lease_until")).isNull();
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(outbox.claim("w2", clock.instant(), LEASE, 8, null))
                .singleElement()
                .extracting(Claim::readBackFirst)
                .isEqualTo(true);
    }

    @Test
    void aStoppedWorker_claimsNothing() {
        String acme = approvedInvoice("acme");
        PushWorker worker = worker();

        assertThat(worker.stopClaiming()).isZero();

        assertThat(worker.deliverDue(null)).isZero();
        assertThat(states()).containsEntry(acme, "PENDING");
        assertThat(worker.awaitIdle(Duration.ZERO)).isTrue();
    }

    private GenericApplicationContext context(ClaimingWorker worker, Duration grace) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean(
                WorkShutdown.class, () -> new WorkShutdown(List.of(worker), new OperationsProperties(null, grace)));
        context.refresh();
        return context;
    }

    private void awaitReleased(String... numbers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Map<String, String> states = states();
            if (Set.of(numbers).stream().allMatch(n -> "PENDING".equals(states.get(n)))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not given back: " + states());
    }

    private Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        jdbc.query("select invoice_number, state from push order by id", rs -> {
            states.put(rs.getString(1), rs.getString(2));
        });
        return states;
    }

    private PushWorker worker() {
        return new PushWorker(
                outbox,
                new SinkConnectors(Map.of("pay", vendor)),
                store,
                ActiveConfig.of(config),
                clock,
                tx,
                new TruecountProperties(
                        false,
                        4,
                        null,
                        new TruecountProperties.Push(120, 8, 2000),
                        new TruecountProperties.Webhooks(1 << 20, 5, 1000, 1)));
    }

    private String approvedInvoice(String customer) {
        return tx.execute(s -> {
            InvoiceLedger ledger = new InvoiceLedger(store, config.company(), clock);
            Invoice invoice = ledger
                    .converge(
                            OCTOBER,
                            List.of(new InvoiceDraft(
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
                                    null)),
                            Set.of(),
                            "test")
                    .invoices()
                    .stream()
                    .filter(i -> i.customerId().equals(customer))
                    .findFirst()
                    .orElseThrow();
            ledger.approve(invoice.number(), "admin", "looks right");
            return invoice.number();
        });
    }

    /** A vendor whose first send takes until the test lets it finish. */
    private static final class SlowVendor implements SinkConnector {
        final CountDownLatch sending = new CountDownLatch(1);
        final CountDownLatch proceed = new CountDownLatch(1);
        final List<String> pushed = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean loseAnswers;

        @Override
        public void checkConnection() {}

        @Override
        public Optional<PushReceipt> find(PushRequest request) {
            return Optional.empty();
        }

        @Override
        public PushReceipt push(PushRequest request) {
            sending.countDown();
            try {
                if (!proceed.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never let the send finish");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (loseAnswers) {
                throw new SourceUnavailableException("pay", "https://vendor/invoices", null, "read timed out", null);
            }
            pushed.add(request.invoice().number());
            return new PushReceipt("in_" + pushed.size(), null, null);
        }
    }
}
