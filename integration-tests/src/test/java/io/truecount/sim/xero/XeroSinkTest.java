package io.truecount.sim.xero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.CredentialsException;
import io.truecount.connector.Secret;
import io.truecount.connector.SourceException;
import io.truecount.connector.SourceUnavailableException;
import io.truecount.connector.push.PushReceipt;
import io.truecount.connector.push.PushRequest;
import io.truecount.connector.push.SinkConnector;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code xero} sink against the Xero simulator, every request checked against Xero's OpenAPI spec: exactly one
 * invoice per push with our amounts and tax to the cent, however the answer gets lost.
 */
class XeroSinkTest {

    static final Currency USD = Currency.getInstance("USD");
    static final String CONTACT = "430fa14a-f945-44d3-9f97-5df5e28441b8";
    static final String OTHER_CONTACT = "8b5c3b2e-6a1f-4f57-9d0e-2f3a1c4b5d6e";
    static final TaxRule TAX = new TaxRule(new BigDecimal("8.25"), "S", null);

    private static DefaultCamelContext camel;
    private XeroSimulator xero;

    @BeforeAll
    static void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterAll
    static void stopCamel() {
        camel.stop();
    }

    @AfterEach
    void stop() {
        if (xero != null) {
            xero.close();
        }
    }

    private XeroSimulator start(XeroSimulator.Builder builder) {
        xero = builder.conformance(XeroSpec.INSTANCE).start();
        return xero;
    }

    private SinkConnector sink(Map<String, String> extraOptions) {
        return sink(extraOptions, xero.tenantId());
    }

    private SinkConnector sink(Map<String, String> extraOptions, String tenantId) {
        ConnectorType type = ServiceLoader.load(ConnectorType.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(t -> t.name().equals("xero"))
                .findFirst()
                .orElseThrow();
        Map<String, String> options = new HashMap<>(
                Map.of("retry.backoff-millis", "5", "retry.max-wait-seconds", "2", "retry.max-attempts", "4"));
        options.putAll(extraOptions);
        ConnectorSettings settings = new ConnectorSettings(
                "xero",
                "xero",
                URI.create(xero.apiUrl()),
                URI.create(xero.tokenUrl()),
                Map.of(
                        "client-id", new Secret(xero.clientId(), "test"),
                        "client-secret", new Secret(xero.clientSecret(), "test"),
                        "tenant-id", new Secret(tenantId, "test")),
                null,
                null,
                Map.of(),
                // Tests do not wait out Xero's one call a second.
                100.0,
                options);
        return type.createSink(settings, new ConnectorRuntime(camel, Clock.systemUTC()));
    }

    static InvoiceLine line(
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

    /**
     * Hand-computed: 18 x 45.00 = 810.00; 3 servers x 150.00 prorated 17/31 = 246.77; 25 backups tiered = 412.50;
     * 2.25 h x 95.00 = 213.75 not taxable; 1.5 h x 33.33 = 49.995 -> 50.00. Subtotal 1733.02; tax round(1519.27 x
     * 8.25 %) = 125.34 (Xero's per-line rounding would give 125.35); total 1858.36.
     */
    static Invoice october(LocalDate dueDate) {
        return new Invoice(
                "ZY-202610-00001",
                "acme",
                YearMonth.of(2026, 10),
                USD,
                InvoiceStatus.APPROVED,
                LocalDate.of(2026, 10, 1),
                dueDate,
                LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31),
                List.of(
                        line("workstations", "Managed workstation", "18", Unit.EACH, "45.00", "810.00", true),
                        line("servers", "Managed server", "3", Unit.EACH, "150.00", "246.77", true),
                        line("backup", "Cloud backup", "25", Unit.EACH, null, "412.50", true),
                        line("onsite", "Onsite work", "2.25", Unit.HOUR, "95.00", "213.75", false),
                        line("remote", "Remote work", "1.5", Unit.HOUR, "33.33", "50.00", true)),
                TAX,
                new BigDecimal("1733.02"),
                new BigDecimal("125.34"),
                new BigDecimal("1858.36"));
    }

    static PushRequest request(Invoice invoice, String contact) {
        Address address = new Address("1 Main St", null, "Springfield", "12345", null, "US");
        Company company = new Company("Zylker", USD, ZoneId.of("America/New_York"), "ZY-", address, "US123456789", 30);
        Customer customer =
                new Customer("acme", "Acme Dental", USD, TAX, address, Map.of(), Map.of("xero", contact), null);
        return new PushRequest(PushRequest.keyOf(invoice.number(), "xero"), invoice, company, customer, contact);
    }

    static PushRequest october() {
        return request(october(LocalDate.of(2026, 10, 31)), CONTACT);
    }

    @Test
    void push_createsOneInvoice_withOurAmountsAndTaxToTheCent() {
        start(XeroSimulator.builder());

        PushReceipt receipt = sink(Map.of()).push(october());

        assertThat(xero.invoices()).singleElement().satisfies(invoice -> {
            assertThat(receipt.externalId()).isEqualTo(invoice.invoiceId());
            assertThat(receipt.externalNumber()).isEqualTo("ZY-202610-00001");
            assertThat(invoice.type()).isEqualTo("ACCREC");
            assertThat(invoice.contactId()).isEqualTo(CONTACT);
            assertThat(invoice.status()).isEqualTo("AUTHORISED");
            assertThat(invoice.date()).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(invoice.reference()).isEqualTo("truecount 2026-10");
            assertThat(invoice.subTotal()).isEqualByComparingTo("1733.02");
            assertThat(invoice.totalTax()).isEqualByComparingTo("125.34");
            assertThat(invoice.total()).isEqualByComparingTo("1858.36");
            assertThat(invoice.lines())
                    .extracting(SimInvoice.Line::lineAmount)
                    .containsExactly(
                            new BigDecimal("810.00"),
                            new BigDecimal("246.77"),
                            new BigDecimal("412.50"),
                            new BigDecimal("213.75"),
                            new BigDecimal("50.00"));
            SimInvoice.Line prorated = invoice.lines().get(1);
            assertThat(prorated.quantity()).isEqualByComparingTo("1");
            assertThat(prorated.description()).isEqualTo("Managed server (quantity 3 at 150.00)");
            assertThat(invoice.lines().get(0).quantity()).isEqualByComparingTo("18");
            assertThat(invoice.lines().get(3).taxType()).isEqualTo("NONE");
        });
        assertThat(xero.requests())
                .filteredOn(r -> r.endpoint() == Endpoint.PUT_INVOICES)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.idempotencyKey()).isEqualTo("truecount-ZY-202610-00001-xero");
                    assertThat(r.query()).isEqualTo("unitdp=4");
                });
    }

    @Test
    void samePushAgain_sameReceipt_andStillOneInvoice() {
        start(XeroSimulator.builder());
        SinkConnector sink = sink(Map.of());

        PushReceipt first = sink.push(october());
        PushReceipt second = sink.push(october());

        assertThat(second).isEqualTo(first);
        assertThat(xero.invoices()).hasSize(1);
        assertThat(xero.idempotentReplays()).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBody_isRefusedByXero_notRetried() {
        start(XeroSimulator.builder());
        SinkConnector sink = sink(Map.of());
        sink.push(october());

        SourceException refused = catchThrowableOfType(
                () -> sink.push(request(october(LocalDate.of(2026, 11, 15)), CONTACT)), SourceException.class);

        assertThat(refused).isNotInstanceOf(SourceUnavailableException.class);
        assertThat(refused).hasMessageContaining("already used with a different request");
        assertThat(xero.invoices())
                .singleElement()
                .extracting(SimInvoice::dueDate)
                .isEqualTo(LocalDate.of(2026, 10, 31));
    }

    @Test
    void failingAfterTheWrite_isUnavailable_thenFindReturnsTheOneInvoice() {
        start(XeroSimulator.builder());
        SinkConnector sink = sink(Map.of());
        xero.mode(Mode.FAIL_5XX);

        assertThatThrownBy(() -> sink.push(october())).isInstanceOf(SourceUnavailableException.class);

        assertThat(xero.invoices()).hasSize(1);
        xero.mode(Mode.NORMAL);
        PushReceipt found = sink.find(october()).orElseThrow();
        assertThat(found.externalId()).isEqualTo(xero.invoices().get(0).invoiceId());
        assertThat(sink.push(october())).isEqualTo(found);
        assertThat(xero.invoices()).hasSize(1);
    }

    @Test
    void slowAnswerPastTheClientTimeout_isUnavailable_thenFindReturnsTheOneInvoice() {
        start(XeroSimulator.builder().slowDelay(Duration.ofMillis(2500)));
        SinkConnector sink = sink(Map.of("timeout-seconds", "1", "retry.max-attempts", "2"));
        sink.checkConnection();
        xero.mode(Mode.SLOW);

        assertThatThrownBy(() -> sink.push(october())).isInstanceOf(SourceUnavailableException.class);

        xero.mode(Mode.NORMAL);
        assertThat(sink.find(october()))
                .map(PushReceipt::externalId)
                .contains(xero.invoices().get(0).invoiceId());
        assertThat(xero.invoices()).hasSize(1);
    }

    @Test
    void flakyGateway_pushSucceeds_withOneInvoice() {
        start(XeroSimulator.builder().flakyEvery(1));
        SinkConnector sink = sink(Map.of());
        sink.checkConnection();
        xero.mode(Mode.FLAKY_5XX);

        PushReceipt receipt = sink.push(october());

        assertThat(xero.invoices())
                .singleElement()
                .extracting(SimInvoice::invoiceId)
                .isEqualTo(receipt.externalId());
        assertThat(xero.idempotentReplays()).isEqualTo(1);
    }

    @Test
    void throttled_waitsOutRetryAfter_andSucceeds() {
        start(XeroSimulator.builder().rateLimit(2, Duration.ofSeconds(1)));
        SinkConnector sink = sink(Map.of("retry.max-attempts", "6"));
        xero.mode(Mode.THROTTLE);

        sink.checkConnection();
        PushReceipt receipt = sink.push(october());
        assertThat(sink.find(october())).contains(receipt);

        assertThat(xero.requests()).anySatisfy(r -> assertThat(r.status()).isEqualTo(429));
        assertThat(xero.invoices()).hasSize(1);
    }

    @Test
    void expiringTokens_areRenewed() {
        start(XeroSimulator.builder().tokenRequestLimit(1));
        SinkConnector sink = sink(Map.of());
        xero.mode(Mode.TOKEN_EXPIRY);

        sink.checkConnection();
        PushReceipt receipt = sink.push(october());

        assertThat(sink.find(october())).contains(receipt);
        assertThat(xero.requestCount(Endpoint.TOKEN)).isGreaterThanOrEqualTo(3);
        assertThat(xero.invoices()).hasSize(1);
    }

    @Test
    void xeroValidationError_isFinal_withXerosMessage() {
        start(XeroSimulator.builder());

        SourceException refused =
                catchThrowableOfType(() -> sink(Map.of("account-code", "999")).push(october()), SourceException.class);

        assertThat(refused).isNotInstanceOf(SourceUnavailableException.class);
        assertThat(refused)
                .hasMessageContaining("Xero refused PUT /Invoices for ZY-202610-00001 (HTTP 400)")
                .hasMessageContaining("Account code '999' is not a valid code for this document.");
        assertThat(xero.invoices()).isEmpty();
    }

    @Test
    void xeroForgotTheKey_theDuplicateNumberIsRecognisedAsOurEarlierPush() {
        start(XeroSimulator.builder());
        SinkConnector sink = sink(Map.of());
        PushReceipt first = sink.push(october());
        xero.forgetIdempotencyKeys();

        assertThat(sink.push(october())).isEqualTo(first);
        assertThat(xero.invoices()).hasSize(1);
    }

    @Test
    void someoneElsesInvoiceUnderOurNumber_isAConflict() {
        start(XeroSimulator.builder());
        sink(Map.of()).push(request(october(LocalDate.of(2026, 10, 31)), OTHER_CONTACT));
        xero.forgetIdempotencyKeys();

        assertThatThrownBy(() -> sink(Map.of()).push(october()))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("Invoice # must be unique.");
        assertThat(xero.invoices()).hasSize(1);
    }

    @Test
    void find_withoutAnInvoice_isEmpty() {
        start(XeroSimulator.builder());

        assertThat(sink(Map.of()).find(october())).isEmpty();
    }

    @Test
    void wrongTenant_isACredentialsProblem() {
        start(XeroSimulator.builder());

        assertThatThrownBy(() ->
                        sink(Map.of(), "00000000-0000-0000-0000-000000000001").checkConnection())
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("tenant-id");
    }

    @Test
    void requestThatDoesNotConformToTheSpec_isRefused() throws Exception {
        start(XeroSimulator.builder());
        HttpClient http = HttpClient.newHttpClient();
        String token = http.send(
                        HttpRequest.newBuilder(URI.create(xero.tokenUrl()))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                                        + xero.clientId() + "&client_secret=" + xero.clientSecret()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body()
                .replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        // "SENT" is not an invoice status, and a quantity is a number, not text.
        String body = "{\"Invoices\":[{\"Type\":\"ACCREC\",\"Contact\":{\"ContactID\":\"" + CONTACT + "\"},"
                + "\"Status\":\"SENT\",\"LineItems\":[{\"Description\":\"x\",\"Quantity\":\"two\","
                + "\"UnitAmount\":10,\"AccountCode\":\"200\"}]}]}";

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(xero.apiUrl() + "/Invoices"))
                        .header("Authorization", "Bearer " + token)
                        .header("xero-tenant-id", xero.tenantId())
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("does not conform")
                .contains("SENT")
                .contains("Quantity");
        assertThat(xero.invoices()).isEmpty();
    }
}
