package io.truecount.sim.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.CredentialsException;
import io.truecount.connector.Secret;
import io.truecount.connector.SourceException;
import io.truecount.connector.SourceUnavailableException;
import io.truecount.connector.auth.TokenVault;
import io.truecount.connector.push.PushReceipt;
import io.truecount.connector.push.PushRequest;
import io.truecount.connector.push.SinkConnector;
import io.truecount.connector.quickbooks.QuickBooksConnectorType;
import io.truecount.core.contract.Address;
import io.truecount.core.contract.Company;
import io.truecount.core.contract.Customer;
import io.truecount.core.contract.TaxRule;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.InvoiceLine.Unit;
import io.truecount.core.invoice.InvoiceStatus;
import io.truecount.sim.vendor.Mode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The quickbooks-online sink against the QuickBooks simulator: exactly one invoice per push, with our amounts. */
class QuickBooksSinkTest {

    private static final String CONNECTOR = "qbo";
    private static final String QBO_CUSTOMER = "58";
    private static final Currency USD = Currency.getInstance("USD");
    private static final TaxRule TAX = new TaxRule(new BigDecimal("8.25"), "S", null);
    private static final Address ADDRESS = new Address("1 Main St", null, "Springfield", "12345", null, "US");
    private static final Company COMPANY =
            new Company("Zylker Managed Services", USD, ZoneId.of("America/New_York"), "ZY-", ADDRESS, "US1", 30);
    private static final Customer ACME = new Customer(
            "acme",
            "Acme Dental",
            USD,
            TAX,
            ADDRESS,
            Map.of(),
            Map.of(CONNECTOR, QBO_CUSTOMER),
            null,
            "ap@acme.example");

    private static DefaultCamelContext camel;
    private QuickBooksSimulator qbo;
    private TokenVault vault;

    @BeforeAll
    static void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterAll
    static void stopCamel() {
        camel.stop();
    }

    @BeforeEach
    void start() {
        qbo = QuickBooksSimulator.builder()
                .customer(QBO_CUSTOMER)
                .throttleEvery(2)
                .slowDelay(Duration.ofMillis(2500))
                .tokenRequestLimit(1)
                .start();
        vault = TokenVault.inMemory();
    }

    @AfterEach
    void stop() {
        qbo.close();
    }

    /**
     * October 2026 for Acme, by hand: 12 workstations x 45.00 = 540.00; 3 servers x 150.00 from Oct 10, 22 of 31 days =
     * 319.354.. = 319.35; 7.5 h of time = 937.50 (not taxable); flat 99.00. Subtotal 1895.85, tax 8.25 % of 958.35 =
     * 79.063.. = 79.06, total 1974.91.
     */
    static Invoice october(String number) {
        List<InvoiceLine> lines = List.of(
                line("workstations", "Managed workstations", "12", Unit.EACH, "45.00", "540.00", true),
                line("servers", "Managed servers", "3", Unit.EACH, "150.00", "319.35", true),
                line("time", "Remote support", "7.5", Unit.HOUR, null, "937.50", false),
                line("backup", "Cloud backup", "1", Unit.MONTH, "99.00", "99.00", true));
        BigDecimal prorated = new BigDecimal("450.00")
                .multiply(new BigDecimal(22))
                .divide(new BigDecimal(31), 10, RoundingMode.HALF_UP);
        assertThat(prorated.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("319.35");
        BigDecimal subtotal = lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal taxable = lines.stream()
                .filter(InvoiceLine::taxable)
                .map(InvoiceLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = taxable.multiply(TAX.ratePercent()).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
        return new Invoice(
                number,
                "acme",
                YearMonth.of(2026, 10),
                USD,
                InvoiceStatus.APPROVED,
                LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31),
                LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31),
                lines,
                TAX,
                subtotal,
                tax,
                subtotal.add(tax));
    }

    private static InvoiceLine line(
            String id, String description, String quantity, Unit unit, String price, String amount, boolean taxable) {
        return new InvoiceLine(
                "acme-managed",
                id,
                description,
                new BigDecimal(quantity),
                unit,
                price == null ? null : new BigDecimal(price),
                new BigDecimal(amount),
                taxable);
    }

    private static PushRequest request(Invoice invoice) {
        return new PushRequest(PushRequest.keyOf(invoice.number(), CONNECTOR), invoice, COMPANY, ACME, QBO_CUSTOMER);
    }

    private SinkConnector sink(Map<String, String> extraOptions) {
        return sink(extraOptions, vault, qbo.initialRefreshToken());
    }

    private SinkConnector sink(Map<String, String> extraOptions, TokenVault tokens, String refreshToken) {
        Map<String, String> options = new HashMap<>(Map.of(
                "retry.backoff-millis",
                "5",
                "retry.max-wait-seconds",
                "1",
                "retry.max-attempts",
                "3",
                "timeout-seconds",
                "5"));
        options.putAll(extraOptions);
        Map<String, Secret> credentials = Map.of(
                "client-id", new Secret(qbo.clientId(), "test"),
                "client-secret", new Secret(qbo.clientSecret(), "test"),
                "refresh-token", new Secret(refreshToken, "test"),
                "realm-id", new Secret(qbo.realmId(), "test"));
        ConnectorSettings settings = new ConnectorSettings(
                CONNECTOR,
                "quickbooks-online",
                URI.create(qbo.baseUrl()),
                URI.create(qbo.tokenUrl()),
                credentials,
                null,
                null,
                Map.of(),
                null,
                options);
        return new QuickBooksConnectorType()
                .createSink(settings, new ConnectorRuntime(camel, Clock.systemUTC(), tokens));
    }

    @Test
    void push_createsOneInvoiceWhoseAmountsAddUpToOurs() {
        Invoice invoice = october("ZY-202610-00001");

        PushReceipt receipt = sink(Map.of()).push(request(invoice));

        assertThat(qbo.invoices()).hasSize(1);
        SimInvoice held = qbo.invoices().get(0);
        assertThat(receipt.externalId()).isEqualTo(held.id());
        assertThat(receipt.externalNumber()).isEqualTo("ZY-202610-00001");
        assertThat(held.docNumber()).isEqualTo("ZY-202610-00001");
        assertThat(held.customerId()).isEqualTo(QBO_CUSTOMER);
        assertThat(held.txnDate()).isEqualTo("2026-10-01");
        assertThat(held.dueDate()).isEqualTo("2026-10-31");
        assertThat(held.billEmail()).isEqualTo("ap@acme.example");
        assertThat(held.privateNote()).isEqualTo("truecount ZY-202610-00001");
        assertThat(held.requestId()).isEqualTo("truecount-ZY-202610-00001-qbo");
        assertThat(held.totalTax()).isEqualByComparingTo("79.06");
        assertThat(held.totalAmt()).isEqualByComparingTo("1974.91").isEqualByComparingTo(invoice.total());
        assertThat(held.lines())
                .extracting(SimLine::amount)
                .map(BigDecimal::toPlainString)
                .containsExactly("540.00", "319.35", "937.50", "99.00");
        SimLine exact = held.lines().get(0);
        assertThat(exact.quantity()).isEqualByComparingTo("12");
        assertThat(exact.unitPrice()).isEqualByComparingTo("45.00");
        assertThat(exact.taxCode()).isEqualTo("TAX");
        SimLine prorated = held.lines().get(1);
        assertThat(prorated.quantity()).isEqualByComparingTo("1");
        assertThat(prorated.unitPrice()).isEqualByComparingTo("319.35");
        assertThat(prorated.description()).isEqualTo("Managed servers (quantity 3 at 150.00)");
        SimLine time = held.lines().get(2);
        assertThat(time.taxCode()).isEqualTo("NON");
        assertThat(time.description()).isEqualTo("Remote support (7.5 hours)");
    }

    @Test
    void pushAgain_givesTheSameReceiptAndStillOneInvoice() {
        SinkConnector sink = sink(Map.of());
        PushRequest request = request(october("ZY-202610-00001"));

        PushReceipt first = sink.push(request);
        PushReceipt second = sink.push(request);

        assertThat(second).isEqualTo(first);
        assertThat(qbo.invoices()).hasSize(1);
        assertThat(qbo.replays()).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBody_isRefusedBySimulator() {
        SinkConnector sink = sink(Map.of());
        Invoice invoice = october("ZY-202610-00001");
        sink.push(request(invoice));
        Invoice changed = new Invoice(
                invoice.number(),
                invoice.customerId(),
                invoice.period(),
                USD,
                invoice.status(),
                invoice.issueDate(),
                invoice.dueDate().plusDays(1),
                invoice.periodStart(),
                invoice.periodEnd(),
                invoice.lines(),
                TAX,
                invoice.subtotal(),
                invoice.taxAmount(),
                invoice.total());

        assertThatThrownBy(() -> sink.push(request(changed)))
                .isInstanceOf(SourceException.class)
                .isNotInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("Duplicate request id");
        assertThat(qbo.invoices()).hasSize(1);
    }

    @Test
    void answerLostAfterTheWrite_unavailableThenFindReturnsTheInvoice() {
        SinkConnector sink = sink(Map.of());
        PushRequest request = request(october("ZY-202610-00001"));
        qbo.mode(Mode.FAIL_5XX);

        assertThatThrownBy(() -> sink.push(request)).isInstanceOf(SourceUnavailableException.class);

        qbo.mode(Mode.NORMAL);
        Optional<PushReceipt> found = sink.find(request);
        assertThat(qbo.invoices()).hasSize(1);
        assertThat(found)
                .map(PushReceipt::externalId)
                .contains(qbo.invoices().get(0).id());
        assertThat(sink.push(request)).isEqualTo(found.get());
        assertThat(qbo.invoices()).hasSize(1);
    }

    @Test
    void slowAnswerPastTheClientTimeout_unavailableThenFindReturnsTheInvoice() {
        SinkConnector sink = sink(Map.of("timeout-seconds", "1", "retry.max-attempts", "2"));
        PushRequest request = request(october("ZY-202610-00001"));
        sink.checkConnection();
        qbo.mode(Mode.SLOW);

        assertThatThrownBy(() -> sink.push(request)).isInstanceOf(SourceUnavailableException.class);

        qbo.mode(Mode.NORMAL);
        assertThat(sink.find(request))
                .map(PushReceipt::externalId)
                .contains(qbo.invoices().get(0).id());
        assertThat(qbo.invoices()).hasSize(1);
    }

    @Test
    void findOfAnInvoiceNeverPushed_isEmpty() {
        assertThat(sink(Map.of()).find(request(october("ZY-202610-00009")))).isEmpty();
    }

    @Test
    void throttled_stillPushesEachInvoiceOnce() {
        SinkConnector sink = sink(Map.of());
        qbo.mode(Mode.THROTTLE);

        PushReceipt first = sink.push(request(october("ZY-202610-00001")));
        PushReceipt second = sink.push(request(october("ZY-202610-00002")));

        assertThat(qbo.requests()).anyMatch(r -> r.status() == 429);
        assertThat(qbo.invoices()).extracting(SimInvoice::id).containsExactly(first.externalId(), second.externalId());
        assertThat(sink.find(request(october("ZY-202610-00002")))).contains(second);
    }

    @Test
    void expiringTokens_areRenewedAndEveryPushSucceeds() {
        SinkConnector sink = sink(Map.of());
        sink.checkConnection();
        qbo.mode(Mode.TOKEN_EXPIRY);

        sink.push(request(october("ZY-202610-00001")));
        sink.push(request(october("ZY-202610-00002")));

        assertThat(qbo.requests()).anyMatch(r -> r.status() == 401);
        assertThat(qbo.refreshes()).isGreaterThanOrEqualTo(2);
        assertThat(qbo.invoices()).hasSize(2);
    }

    @Test
    void rolledRefreshToken_isKeptInTheVaultForTheNextInstance() {
        sink(Map.of()).checkConnection();
        String rolled = qbo.newestRefreshToken();
        assertThat(rolled).isNotEqualTo(qbo.initialRefreshToken());
        assertThat(vault.load(CONNECTOR, "refresh-token")).contains(rolled);

        // A restarted process: same configuration, same vault. It must use the rolled token, not the configured one.
        sink(Map.of(), vault, qbo.initialRefreshToken()).checkConnection();
        assertThat(vault.load(CONNECTOR, "refresh-token")).contains(qbo.newestRefreshToken());

        // Without the vault the configured token is long superseded, as at Intuit.
        SinkConnector forgetful = sink(Map.of(), TokenVault.inMemory(), qbo.initialRefreshToken());
        assertThatThrownBy(forgetful::checkConnection)
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("refresh token");
    }

    @Test
    void unknownCustomer_isRefusedForGoodWithQuickBooksMessage() {
        Invoice invoice = october("ZY-202610-00001");
        PushRequest request =
                new PushRequest(PushRequest.keyOf(invoice.number(), CONNECTOR), invoice, COMPANY, ACME, "999");

        assertThatThrownBy(() -> sink(Map.of()).push(request))
                .isInstanceOf(SourceException.class)
                .isNotInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("Invalid Reference Id")
                .hasMessageContaining("code 2500");
        assertThat(qbo.invoices()).isEmpty();
    }

    @Test
    void docNumberTakenByAnotherPush_isRefusedWithDuplicateDocumentNumber() {
        SinkConnector sink = sink(Map.of());
        Invoice invoice = october("ZY-202610-00001");
        sink.push(request(invoice));
        PushRequest otherKey = new PushRequest("truecount-ZY-202610-00001-other", invoice, COMPANY, ACME, QBO_CUSTOMER);

        assertThatThrownBy(() -> sink.push(otherKey))
                .isInstanceOf(SourceException.class)
                .isNotInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("Duplicate Document Number Error")
                .hasMessageContaining("code 6140");
        assertThat(qbo.invoices()).hasSize(1);
    }
}
