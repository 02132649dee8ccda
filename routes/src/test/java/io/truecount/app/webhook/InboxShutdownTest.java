package io.truecount.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.truecount.app.TruecountProperties;
import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.TruecountConfig;
import io.truecount.app.contract.ContractSignatures;
import io.truecount.app.invoice.JdbcInvoiceStore;
import io.truecount.app.ops.OperationsProperties;
import io.truecount.app.ops.WorkShutdown;
import io.truecount.app.push.Outbox;
import io.truecount.app.testing.TestDatabase;
import io.truecount.connector.testing.TestClock;
import io.truecount.connector.webhook.InboundEvent;
import io.truecount.connector.webhook.WebhookEffect;
import io.truecount.connector.webhook.WebhookReceiver;
import io.truecount.connector.webhook.WebhookRequest;
import io.truecount.core.contract.Address;
import io.truecount.core.contract.Company;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A server stopping while it processes webhook events, on real PostgreSQL with the server's connection pool: the event
 * being processed finishes before close returns and nothing more is claimed; an event still running when the grace
 * is over is rolled back with its connection and is claimable by another instance as soon as close returns.
 */
class InboxShutdownTest {

    private static TestDatabase db;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-01T15:00:00Z"));
    private final BlockingReceiver receiver = new BlockingReceiver();
    private HikariDataSource pool;
    private JdbcTemplate jdbc;
    private InboxWorker worker;

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
        new JdbcTemplate(db.dataSource()).execute("truncate webhook_event, payment_event cascade");
        pool = new HikariDataSource();
        pool.setJdbcUrl(db.jdbcUrl());
        pool.setMaximumPoolSize(4);
        jdbc = new JdbcTemplate(pool);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(pool);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Company company = new Company(
                "Zylker",
                Currency.getInstance("USD"),
                ZoneOffset.UTC,
                "ZY-",
                new Address("1 Main St", null, "X", "1", null, "US"),
                "US1",
                30);
        TruecountConfig config = new TruecountConfig(Path.of("truecount.yaml"), company, Map.of(), Map.of(), List.of());
        Inbox inbox = new Inbox(jdbc);
        worker = new InboxWorker(
                inbox,
                new WebhookReceivers(Map.of("pay", receiver)),
                new PaymentEffects(
                        jdbc,
                        new JdbcInvoiceStore(jdbc, tx, List.of()),
                        new Outbox(jdbc, tx, ActiveConfig.of(config)),
                        ActiveConfig.of(config),
                        clock),
                new ContractSignatures(jdbc, ActiveConfig.of(config), clock),
                clock,
                transactions,
                new TruecountProperties(
                        true,
                        4,
                        null,
                        new TruecountProperties.Push(120, 8, 2000),
                        new TruecountProperties.Webhooks(1 << 20, 3, 1000, 1)));
        tx.execute(s -> inbox.store(
                "pay",
                List.of(InboundEvent.of("evt_1", "ping", "{}"), InboundEvent.of("evt_2", "ping", "{}")),
                clock.instant()));
    }

    @AfterEach
    void tearDown() {
        receiver.proceed.countDown();
        worker.close();
        pool.close();
    }

    @Test
    void closing_letsTheEventBeingProcessedFinish_andClaimsNoMore() throws Exception {
        Thread draining = new Thread(worker::drain, "inbox");
        draining.start();
        assertThat(receiver.processing.await(10, TimeUnit.SECONDS)).isTrue();

        GenericApplicationContext context = context(Duration.ofSeconds(20));
        Thread closing = new Thread(context::close, "close");
        closing.start();
        closing.join(300);
        assertThat(closing.isAlive())
                .as("close waits for the event being processed")
                .isTrue();
        receiver.proceed.countDown();
        closing.join(10_000);
        draining.join(10_000);

        assertThat(closing.isAlive()).isFalse();
        assertThat(states()).containsExactly("evt_1 PROCESSED 1", "evt_2 RECEIVED 0");
        assertThat(receiver.interpreted).containsExactly("evt_1");
        assertThat(lockableNow())
                .as("the other event is free for another instance")
                .containsExactly("evt_2");
    }

    @Test
    void anEventStillRunningAfterTheGrace_isRolledBackWithItsConnection_andClaimableAtOnce() throws Exception {
        Thread draining = new Thread(
                () -> {
                    try {
                        worker.drain();
                    } catch (RuntimeException connectionAborted) {
                        // Its connection went with the pool: what the test expects of work past the grace.
                    }
                },
                "inbox");
        draining.setDaemon(true);
        draining.start();
        assertThat(receiver.processing.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(lockableNow()).as("held by the worker's transaction").containsExactly("evt_2");

        GenericApplicationContext context = context(Duration.ofMillis(300));
        context.registerBean("pool", HikariDataSource.class, () -> pool);
        long started = System.nanoTime();
        context.refresh();
        context.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(states()).containsExactly("evt_1 RECEIVED 0", "evt_2 RECEIVED 0");
        assertThat(lockableNow()).containsExactly("evt_1", "evt_2");
    }

    /** The worker's shutdown in a context; refreshed here unless the test adds beans first. */
    private GenericApplicationContext context(Duration grace) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean(
                WorkShutdown.class, () -> new WorkShutdown(List.of(worker), new OperationsProperties(null, grace)));
        if (grace.compareTo(Duration.ofSeconds(1)) >= 0) {
            context.refresh();
        }
        return context;
    }

    /** Each event as {@code id state attempts}, read outside the worker's pool. */
    private static List<String> states() {
        return new JdbcTemplate(db.dataSource())
                .queryForList(
                        "select event_id || ' ' || state || ' ' || attempts from webhook_event order by id",
                        String.class);
    }

    /** The events another instance could claim right now. */
    private static List<String> lockableNow() throws Exception {
        try (Connection other = db.dataSource().getConnection()) {
            other.setAutoCommit(false);
            List<String> ids = new ArrayList<>();
            try (Statement select = other.createStatement();
                    ResultSet rs = select.executeQuery("select event_id from webhook_event where state = 'RECEIVED'"
                            + " order by id for update skip locked")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            other.rollback();
            return ids;
        }
    }

    /** Takes until the test lets it finish over the first event it interprets. */
    private static final class BlockingReceiver implements WebhookReceiver {
        final CountDownLatch processing = new CountDownLatch(1);
        final CountDownLatch proceed = new CountDownLatch(1);
        final List<String> interpreted = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public List<InboundEvent> verify(WebhookRequest request) {
            throw new UnsupportedOperationException("the test stores events directly");
        }

        @Override
        public WebhookEffect interpret(InboundEvent event) {
            interpreted.add(event.eventId());
            processing.countDown();
            try {
                proceed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new WebhookEffect.Ignored("a ping", Instant.now());
        }
    }
}
