package io.truecount.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.app.config.ConfigLoader;
import io.truecount.app.config.TruecountConfig;
import io.truecount.app.db.Database;
import io.truecount.app.testing.TestDatabase;
import io.truecount.core.contract.TaxRule;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceDraft;
import io.truecount.core.invoice.InvoiceLedger;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.InvoiceStatus;
import io.truecount.core.invoice.InvoiceStore;
import io.truecount.core.invoice.SourceRef;
import io.truecount.core.invoice.Transition;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code invoice} commands run as the executable runs them, each starting the application on a real PostgreSQL,
 * against invoices the ledger generated there. The test's own application instance seeds and checks the database.
 */
class InvoiceCommandsTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Currency USD = Currency.getInstance("USD");
    private static final String ACME = "ZY-202610-00001";
    private static final String BETA = "ZY-202610-00002";

    @TempDir
    static Path dir;

    private static TestDatabase db;
    private static Path config;
    private static ConfigurableApplicationContext app;
    private static InvoiceStore store;
    private static InvoiceLedger ledger;
    private static TransactionTemplate tx;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.startMigrated();
        config = CliFixture.writeConfig(dir);
        TruecountConfig loaded = new ConfigLoader(System::getenv).load(config);
        app = ApplicationLauncher.start(
                loaded, Database.server(db.jdbcUrl()), new CommonOptions(), false, null, Map.of());
        store = app.getBean(InvoiceStore.class);
        tx = app.getBean(TransactionTemplate.class);
        ledger = new InvoiceLedger(store, loaded.company(), app.getBean(Clock.class));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        db.close();
    }

    /** Two fresh drafts of October: acme's (ACME) with 25 sources on its device line, beta's (BETA). */
    @BeforeEach
    void generateDrafts() {
        app.getBean(JdbcTemplate.class).execute("truncate invoice, invoice_sequence cascade");
        List<Invoice> invoices =
                tx.execute(s -> ledger.converge(OCTOBER, List.of(draft("acme", 25), draft("beta", 2)), Set.of(), "test")
                        .invoices());
        assertThat(invoices).extracting(Invoice::number).containsExactly(ACME, BETA);
    }

    private static InvoiceDraft draft(String customer, int devices) {
        List<SourceRef> sources = IntStream.rangeClosed(1, devices)
                .mapToObj(i -> new SourceRef(SourceRef.ASSET, "ninja", "dev-" + i, customer.toUpperCase() + "-PC-" + i))
                .toList();
        BigDecimal quantity = BigDecimal.valueOf(devices);
        return new InvoiceDraft(
                customer,
                USD,
                OCTOBER.atDay(1),
                OCTOBER.atEndOfMonth(),
                List.of(new InvoiceLine(
                        customer + "-managed",
                        "workstations",
                        "Managed workstation",
                        quantity,
                        InvoiceLine.Unit.EACH,
                        new BigDecimal("45.00"),
                        quantity.multiply(new BigDecimal("45.00")),
                        true,
                        sources)),
                new TaxRule(new BigDecimal("8.25"), "S", null),
                null);
    }

    private static CliFixture.Result invoice(String... args) {
        List<String> all = new ArrayList<>(List.of("invoice"));
        all.addAll(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--db", db.jdbcUrl()));
        return CliFixture.run(all.toArray(String[]::new));
    }

    private static InvoiceStatus status(String number) {
        return store.findByNumber(number).orElseThrow().status();
    }

    private static Transition lastTransition(String number) {
        List<Transition> history = store.transitions(number);
        return history.get(history.size() - 1);
    }

    @Test
    void approve_draft_becomesApproved_withActorAndReasonInItsHistory() {
        CliFixture.Result result = invoice("approve", ACME, "--actor", "alice", "--reason", "counts checked");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains(ACME + "  acme  DRAFT -> APPROVED");
        assertThat(status(ACME)).isEqualTo(InvoiceStatus.APPROVED);
        assertThat(status(BETA)).isEqualTo(InvoiceStatus.DRAFT);
        Transition approval = lastTransition(ACME);
        assertThat(approval.from()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(approval.to()).isEqualTo(InvoiceStatus.APPROVED);
        assertThat(approval.actor()).isEqualTo("alice");
        assertThat(approval.reason()).isEqualTo("counts checked");
    }

    @Test
    void approveAllDrafts_approvesThePeriodsDrafts_leavesHeldOnesHeld_actorDefaultsToTheUser() {
        tx.execute(s -> ledger.hold(BETA, "test", "customer disputes the count"));

        CliFixture.Result result = invoice("approve", "--period", "2026-10", "--all-drafts");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(status(ACME)).isEqualTo(InvoiceStatus.APPROVED);
        assertThat(status(BETA)).isEqualTo(InvoiceStatus.HELD);
        assertThat(lastTransition(ACME).actor()).isEqualTo("cli:" + System.getProperty("user.name"));
        assertThat(result.out()).contains("1 invoice(s) approved");
    }

    @Test
    void illegalTransition_isOneErrorLine_exitCode1_andApprovesNoneOfTheOthers() {
        tx.execute(s -> ledger.approve(ACME, "test", "first"));

        CliFixture.Result result = invoice("approve", BETA, ACME);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err().lines().toList())
                .containsExactly("error: invoice " + ACME + " is APPROVED and cannot become APPROVED; allowed: "
                        + InvoiceStatus.APPROVED.next());
        assertThat(status(BETA))
                .as("approved in the same command before the failure")
                .isEqualTo(InvoiceStatus.DRAFT);
        assertThat(result.out()).doesNotContain(BETA);
    }

    @Test
    void unknownInvoice_isOneErrorLine_exitCode1() {
        CliFixture.Result show = invoice("show", "ZY-202610-99999");
        CliFixture.Result release = invoice("release", "ZY-202610-99999");

        assertThat(show.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(show.err().lines().toList()).containsExactly("error: no invoice ZY-202610-99999");
        assertThat(release.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(release.err().lines().toList()).containsExactly("error: no invoice ZY-202610-99999");
    }

    @Test
    void hold_requiresAReason_andHoldsNothingWithoutOne() {
        CliFixture.Result missing = invoice("hold", ACME);
        CliFixture.Result blank = invoice("hold", ACME, "--reason", " ");

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(missing.err()).contains("Missing required option: '--reason=TEXT'");
        assertThat(blank.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(blank.err()).contains("--reason must not be empty");
        assertThat(status(ACME)).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(store.transitions(ACME)).hasSize(1);
    }

    @Test
    void holdThenRelease_recordsBothDecisions() {
        CliFixture.Result hold = invoice("hold", ACME, "--reason", "customer disputes the count", "--actor", "bob");
        assertThat(hold.exitCode()).as(hold.err()).isZero();
        assertThat(status(ACME)).isEqualTo(InvoiceStatus.HELD);
        assertThat(lastTransition(ACME).reason()).isEqualTo("customer disputes the count");

        CliFixture.Result release = invoice("release", ACME, "--actor", "bob");
        assertThat(release.exitCode()).as(release.err()).isZero();
        assertThat(release.out()).contains(ACME + "  acme  HELD -> DRAFT");
        assertThat(status(ACME)).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(lastTransition(ACME).actor()).isEqualTo("bob");
    }

    @Test
    void credit_ofPostedInvoice_printsTheCreditNoteNumber_andThePeriodIsBilledAgainByTheNextCycle() {
        tx.execute(s -> ledger.approve(ACME, "test", "ok"));
        tx.execute(s -> ledger.transition(ACME, InvoiceStatus.POSTED, "test", "posted"));

        CliFixture.Result result = invoice("credit", ACME, "--reason", "billed two retired devices");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains(ACME + " (acme) credited in full by credit note ZY-CN-202610-00001: 1217.81 USD")
                .contains("The next `truecount cycle --period 2026-10` bills acme for the period again");
        assertThat(store.find("acme", OCTOBER))
                .as("no longer the period's invoice")
                .isEmpty();
        assertThat(lastTransition(ACME).reason()).contains("ZY-CN-202610-00001", "billed two retired devices");
    }

    @Test
    void credit_ofADraft_isRefused() {
        CliFixture.Result result = invoice("credit", BETA, "--reason", "wrong");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err().lines().toList())
                .containsExactly("error: invoice " + BETA
                        + " is DRAFT; only posted invoices are credited (void or rebuild the others)");
    }

    @Test
    void show_printsLines_first20Sources_andTheHistory() {
        tx.execute(s -> ledger.hold(ACME, "carol", "waiting for the customer"));

        CliFixture.Result result = invoice("show", ACME);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("Invoice " + ACME + "  HELD")
                .contains("customer  acme (Acme Dental)")
                .containsPattern("acme-managed +workstations +Managed workstation +25 +45.00 +1125.00")
                .contains("asset ninja:dev-1 ACME-PC-1\n", "asset ninja:dev-20 ACME-PC-20\n", "... and 5 more")
                .doesNotContain("dev-21")
                .contains("tax       92.81 (8.25% S)", "total     1217.81 USD")
                .contains("(new) -> DRAFT  test  generated", "DRAFT -> HELD  carol  waiting for the customer");
    }

    @Test
    void list_filtersByStatus() {
        tx.execute(s -> ledger.hold(BETA, "test", "check"));

        CliFixture.Result all = invoice("list", "--period", "2026-10");
        CliFixture.Result held = invoice("list", "--period", "2026-10", "--status", "held");

        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out().lines().filter(l -> l.startsWith("ZY-")))
                .containsExactly(
                        String.format("%-20s %-24s %-15s %14s  %s", ACME, "acme", "DRAFT", "1217.81", "USD"),
                        String.format("%-20s %-24s %-15s %14s  %s", BETA, "beta", "HELD", "97.43", "USD"));
        assertThat(held.out().lines().filter(l -> l.startsWith("ZY-")).map(l -> l.substring(0, 15)))
                .containsExactly(BETA);
        assertThat(Stream.of(all.err(), held.err())).allMatch(String::isEmpty);
    }
}
