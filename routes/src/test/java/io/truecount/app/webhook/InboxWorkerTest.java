package io.truecount.app.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.app.TruecountProperties;
import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.TruecountConfig;
import io.truecount.app.contract.ContractSignatures;
import io.truecount.app.invoice.JdbcInvoiceStore;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The inbox on real PostgreSQL: a redelivery is stored once, a poison event becomes a dead letter, a replay works. */
class InboxWorkerTest {

    private static TestDatabase db;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-01T15:00:00Z"));
    private final Receiver receiver = new Receiver();
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;
    private Inbox inbox;
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
        jdbc = new JdbcTemplate(db.dataSource());
        jdbc.execute("truncate webhook_event, payment_event cascade");
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(db.dataSource());
        tx = new TransactionTemplate(transactions);
        Company company = new Company(
                "Zylker",
                Currency.getInstance("USD"),
                ZoneOffset.UTC,
                "ZY-",
                new Address("1 Main St", null, "X", "1", null, "US"),
                "US1",
                30);
        TruecountConfig config = new TruecountConfig(Path.of("truecount.yaml"), company, Map.of(), Map.of(), List.of());
        JdbcInvoiceStore store = new JdbcInvoiceStore(jdbc, tx, List.of());
        inbox = new Inbox(jdbc);
        PaymentEffects payments = new PaymentEffects(
                jdbc, store, new Outbox(jdbc, tx, ActiveConfig.of(config)), ActiveConfig.of(config), clock);
        worker = new InboxWorker(
                inbox,
                new WebhookReceivers(Map.of("pay", receiver)),
                payments,
                new ContractSignatures(jdbc, ActiveConfig.of(config), clock),
                clock,
                transactions,
                new TruecountProperties(
                        false,
                        4,
                        null,
                        new TruecountProperties.Push(120, 8, 2000),
                        new TruecountProperties.Webhooks(1 << 20, 3, 1000, 1)));
    }

    @Test
    void aRedeliveredEvent_isStoredOnce_andProcessedOnce() {
        List<InboundEvent> delivery = List.of(InboundEvent.of("evt_1", "ping", "{}"));

        int first = tx.execute(s -> inbox.store("pay", delivery, clock.instant()));
        int second = tx.execute(s -> inbox.store("pay", delivery, clock.instant()));
        int handled = worker.drain();

        assertThat(first).isOne();
        assertThat(second).isZero();
        assertThat(handled).isOne();
        assertThat(receiver.interpreted).isOne();
        assertThat(inbox.list("PROCESSED", 10))
                .singleElement()
                .extracting(StoredEvent::outcome)
                .isEqualTo("ignored: a ping");
    }

    @Test
    void aPoisonEvent_isRetriedWithBackoff_thenADeadLetter_andAReplayProcessesIt() {
        receiver.poison = true;
        tx.execute(s -> inbox.store("pay", List.of(InboundEvent.of("evt_bad", "ping", "{}")), clock.instant()));

        worker.drain();
        assertThat(inbox.count("RECEIVED")).as("due again later, not now").isOne();
        assertThat(worker.drain()).isZero();
        clock.advance(Duration.ofMinutes(5));
        worker.drain();
        clock.advance(Duration.ofMinutes(5));
        worker.drain();

        assertThat(inbox.list("DEAD", 10)).singleElement().satisfies(e -> {
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.lastError()).isEqualTo("cannot read event evt_bad");
        });
        assertThat(receiver.interpreted).isEqualTo(3);

        receiver.poison = false;
        long id = inbox.list("DEAD", 10).get(0).id();
        boolean replayed = tx.execute(s -> inbox.replay(id, clock.instant()));
        assertThat(replayed).isTrue();
        worker.drain();

        assertThat(inbox.find(id).orElseThrow().state()).isEqualTo("PROCESSED");
        assertThat(inbox.count("DEAD")).isZero();
    }

    @Test
    void aPaymentForAnInvoiceTruecountNeverPushed_isIgnored_notADeadLetter() {
        receiver.payment = true;
        tx.execute(s -> inbox.store("pay", List.of(InboundEvent.of("evt_2", "invoice.paid", "{}")), clock.instant()));

        worker.drain();

        assertThat(inbox.list("PROCESSED", 10))
                .singleElement()
                .extracting(StoredEvent::outcome)
                .asString()
                .startsWith("ignored: not an invoice Truecount pushed");
        assertThat(jdbc.queryForObject("select count(*) from payment_event", Long.class))
                .isZero();
    }

    /** A receiver whose interpretation the test controls. */
    private final class Receiver implements WebhookReceiver {
        int interpreted;
        boolean poison;
        boolean payment;

        @Override
        public List<InboundEvent> verify(WebhookRequest request) {
            throw new UnsupportedOperationException("the test stores events directly");
        }

        @Override
        public WebhookEffect interpret(InboundEvent event) {
            interpreted++;
            if (poison) {
                throw new IllegalArgumentException("cannot read event " + event.eventId());
            }
            if (payment) {
                return new WebhookEffect.Payment(
                        WebhookEffect.PaymentKind.PAID,
                        "ZY-nope",
                        "in_unknown",
                        null,
                        null,
                        null,
                        clock.instant(),
                        null);
            }
            return new WebhookEffect.Ignored("a ping", clock.instant());
        }
    }
}
