package io.truecount.sim.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
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
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Stripe sink against the Stripe simulator: exactly one invoice, to the cent, whatever happens on the way. */
class StripeSinkTest {

    private static final String CUSTOMER = "cus_acme";
    private static final Currency USD = Currency.getInstance("USD");
    private static DefaultCamelContext camel;

    @BeforeAll
    static void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterAll
    static void stopCamel() {
        camel.stop();
    }

    private static SinkConnector sink(StripeSimulator stripe, Map<String, String> extraOptions) {
        return sink(stripe, extraOptions, stripe.apiKey());
    }

    private static SinkConnector sink(StripeSimulator stripe, Map<String, String> extraOptions, String apiKey) {
        Map<String, String> options = new HashMap<>(
                Map.of("retry.backoff-millis", "5", "retry.max-wait-seconds", "2", "timeout-seconds", "5"));
        options.putAll(extraOptions);
        ConnectorSettings settings = new ConnectorSettings(
                "stripe",
                "stripe",
                URI.create(stripe.baseUrl()),
                null,
                Map.of(
                        "api-key", new Secret(apiKey, "test api-key"),
                        "webhook-secret", new Secret(stripe.webhookSecret(), "test webhook-secret")),
                null,
                null,
                Map.of(),
                null,
                options);
        return stripeType().createSink(settings, new ConnectorRuntime(camel, Clock.systemUTC()));
    }

    private static ConnectorType stripeType() {
        return ServiceLoader.load(ConnectorType.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(t -> t.name().equals("stripe"))
                .findFirst()
                .orElseThrow();
    }

    private static StripeSimulator.Builder simulator() {
        return StripeSimulator.builder().customer(CUSTOMER);
    }

    /**
     * Hand-computed: 12 x 45.00 = 540.00; 3 servers x 120.00 for 17 of 31 days = 197.42 (prorated); 2.5 h x 95.00 =
     * 237.50; flat 199.99 not taxable. Subtotal 1174.91; tax 8.25% of 974.92 = 80.4309 -> 80.43; total 1255.34.
     */
    static Invoice invoice(String number) {
        List<InvoiceLine> lines = List.of(
                line("workstations", "Managed workstations", "12", Unit.EACH, "45.00", "540.00", true),
                line("servers", "Managed servers (prorated 17/31)", "3", Unit.EACH, "120.00", "197.42", true),
                line("tm", "Remote support", "2.5", Unit.HOUR, "95.00", "237.50", true),
                line("backup", "Backup platform", "1", Unit.MONTH, "199.99", "199.99", false));
        return invoice(number, lines, new BigDecimal("1174.91"), new BigDecimal("80.43"));
    }

    static Invoice invoice(String number, List<InvoiceLine> lines, BigDecimal subtotal, BigDecimal tax) {
        return new Invoice(
                number,
                "acme",
                YearMonth.of(2026, 3),
                USD,
                InvoiceStatus.APPROVED,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                lines,
                new TaxRule(new BigDecimal("8.25"), "S", null),
                subtotal,
                tax,
                subtotal.add(tax));
    }

    static InvoiceLine line(
            String id, String text, String qty, Unit unit, String price, String amount, boolean taxable) {
        return new InvoiceLine(
                "acme-managed",
                id,
                text,
                new BigDecimal(qty),
                unit,
                price == null ? null : new BigDecimal(price),
                new BigDecimal(amount),
                taxable);
    }

    static PushRequest request(Invoice invoice, String accountId) {
        Address address = new Address("1 Main St", null, "Springfield", "12345", null, "US");
        Company company = new Company("Zylker", USD, ZoneId.of("America/New_York"), "ZY-", address, "US123456789", 30);
        Customer customer = new Customer(
                "acme",
                "Acme Dental",
                USD,
                invoice.tax(),
                address,
                Map.of(),
                accountId == null ? Map.of() : Map.of("stripe", accountId),
                null);
        return new PushRequest(PushRequest.keyOf(invoice.number(), "stripe"), invoice, company, customer, accountId);
    }

    private static void assertExactlyOneFinalized(StripeSimulator stripe, String number) {
        assertThat(stripe.invoicesFor(number)).singleElement().satisfies(inv -> {
            assertThat(inv.status()).isEqualTo("open");
            assertThat(inv.total()).isEqualTo(125_534L);
            assertThat(inv.lines())
                    .extracting(l -> l.metadata().get("truecount_line"))
                    .containsExactlyInAnyOrder("1", "2", "3", "4", "tax");
        });
    }

    @Test
    void push_createsOneFinalizedInvoice_whoseItemsAddUpToOurTotal() {
        try (StripeSimulator stripe = simulator().start()) {
            PushReceipt receipt = sink(stripe, Map.of()).push(request(invoice("ZY-2026-03-0001"), CUSTOMER));

            StripeInvoice inv = stripe.invoices().get(0);
            assertThat(receipt).isEqualTo(new PushReceipt(inv.id(), inv.number(), inv.hostedInvoiceUrl()));
            assertThat(receipt.externalId()).startsWith("in_");
            assertThat(inv.customer()).isEqualTo(CUSTOMER);
            assertThat(inv.currency()).isEqualTo("usd");
            assertThat(inv.collectionMethod()).isEqualTo("send_invoice");
            assertThat(inv.daysUntilDue()).isEqualTo(30);
            assertThat(inv.metadata())
                    .containsEntry("truecount_invoice", "ZY-2026-03-0001")
                    .containsEntry("truecount_customer", "acme");
            assertThat(inv.lines())
                    .extracting(StripeLine::quantity, l -> l.unitAmountDecimal().toPlainString(), StripeLine::amount)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(12L, "4500", 54_000L),
                            org.assertj.core.groups.Tuple.tuple(1L, "19742", 19_742L),
                            org.assertj.core.groups.Tuple.tuple(1L, "23750", 23_750L),
                            org.assertj.core.groups.Tuple.tuple(1L, "19999", 19_999L),
                            org.assertj.core.groups.Tuple.tuple(1L, "8043", 8_043L));
            assertThat(inv.lines().get(4).description()).isEqualTo("Sales tax 8.25%");
            assertThat(inv.lines().get(2).description()).isEqualTo("Remote support (2.5 h x 95.00)");
            assertExactlyOneFinalized(stripe, "ZY-2026-03-0001");

            List<ServeEvent> posts = stripe.wireMock().getAllServeEvents().stream()
                    .filter(e -> e.getRequest().getMethod().getName().equals("POST"))
                    .toList();
            assertThat(posts).hasSize(7);
            assertThat(posts).allSatisfy(e -> assertThat(e.getRequest().getHeader("Idempotency-Key"))
                    .startsWith("truecount-ZY-2026-03-0001-stripe:"));
            assertThat(stripe.wireMock().getAllServeEvents())
                    .allSatisfy(e -> assertThat(e.getRequest().getHeader("Stripe-Version"))
                            .isEqualTo("2025-09-30.clover"));
        }
    }

    @Test
    void pushAgain_givesTheSameReceipt_andStillOneInvoice() {
        try (StripeSimulator stripe = simulator().start()) {
            SinkConnector sink = sink(stripe, Map.of());
            PushRequest request = request(invoice("ZY-2026-03-0002"), CUSTOMER);

            PushReceipt first = sink.push(request);
            PushReceipt second = sink.push(request);

            assertThat(second).isEqualTo(first);
            assertThat(sink.find(request)).contains(first);
            assertExactlyOneFinalized(stripe, "ZY-2026-03-0002");
        }
    }

    @Test
    void sameKeyWithOtherParameters_isRefusedByStripe_asAFinalFailureNamingIt() {
        try (StripeSimulator stripe = simulator().customer("cus_other").start()) {
            SinkConnector sink = sink(stripe, Map.of());
            sink.push(request(invoice("ZY-2026-03-0003"), CUSTOMER));

            // The same push key for another customer: the create step repeats its key with other parameters.
            assertThatThrownBy(() -> sink.push(request(invoice("ZY-2026-03-0003"), "cus_other")))
                    .isInstanceOf(SourceException.class)
                    .isNotInstanceOf(SourceUnavailableException.class)
                    .hasMessageContaining("idempotency_error");
            assertThat(stripe.invoices()).hasSize(1);
        }
    }

    @Test
    void finalizeAppliedButAnswerLost_isUnavailable_thenFindReturnsTheReceipt_stillOneInvoice() {
        try (StripeSimulator stripe =
                simulator().failAfterApply(Endpoint.FINALIZE_INVOICE).start()) {
            SinkConnector sink = sink(stripe, Map.of("retry.max-attempts", "2"));
            PushRequest request = request(invoice("ZY-2026-03-0004"), CUSTOMER);
            stripe.mode(Mode.FAIL_5XX);

            assertThatThrownBy(() -> sink.push(request)).isInstanceOf(SourceUnavailableException.class);
            assertThat(stripe.idempotentReplays()).isEqualTo(1);

            stripe.mode(Mode.NORMAL);
            StripeInvoice inv = stripe.invoices().get(0);
            assertThat(sink.find(request)).contains(new PushReceipt(inv.id(), inv.number(), inv.hostedInvoiceUrl()));
            assertThat(sink.push(request).externalId()).isEqualTo(inv.id());
            assertExactlyOneFinalized(stripe, "ZY-2026-03-0004");
        }
    }

    @Test
    void createAppliedButAnswerLost_findSeesNoFinishedInvoice_andTheNextPushCompletesTheDraft() {
        try (StripeSimulator stripe =
                simulator().failAfterApply(Endpoint.CREATE_INVOICE).start()) {
            SinkConnector sink = sink(stripe, Map.of("retry.max-attempts", "2"));
            PushRequest request = request(invoice("ZY-2026-03-0005"), CUSTOMER);
            stripe.mode(Mode.FAIL_5XX);

            assertThatThrownBy(() -> sink.push(request)).isInstanceOf(SourceUnavailableException.class);
            assertThat(stripe.invoices())
                    .singleElement()
                    .extracting(StripeInvoice::status)
                    .isEqualTo("draft");
            assertThat(sink.find(request)).isEmpty();

            stripe.mode(Mode.NORMAL);
            sink.push(request);
            assertExactlyOneFinalized(stripe, "ZY-2026-03-0005");
        }
    }

    @Test
    void slowFinalize_timesOut_thenFindReturnsTheReceipt_stillOneInvoice() {
        try (StripeSimulator stripe =
                simulator().slowDelay(Duration.ofMillis(2500)).start()) {
            // The vendor slows down just as the last item is added: finalize is applied and answered too late.
            stripe.onRequest(r -> {
                if (r.url().endsWith("/v1/invoiceitems")
                        && r.headers().getOrDefault("Idempotency-Key", "").endsWith(":item:tax")) {
                    stripe.mode(Mode.SLOW);
                }
            });
            SinkConnector sink = sink(stripe, Map.of("timeout-seconds", "1", "retry.max-attempts", "1"));
            PushRequest request = request(invoice("ZY-2026-03-0006"), CUSTOMER);

            assertThatThrownBy(() -> sink.push(request)).isInstanceOf(SourceUnavailableException.class);

            stripe.mode(Mode.NORMAL);
            assertThat(sink.find(request))
                    .map(PushReceipt::externalId)
                    .contains(stripe.invoices().get(0).id());
            assertExactlyOneFinalized(stripe, "ZY-2026-03-0006");
        }
    }

    @Test
    void lostItemOnALongInvoice_resumesByReadingEveryLinePage() {
        try (StripeSimulator stripe =
                simulator().failAfterApply(Endpoint.CREATE_INVOICE_ITEM).start()) {
            stripe.onRequest(r -> {
                if (r.headers().getOrDefault("Idempotency-Key", "").endsWith(":item:11")) {
                    stripe.mode(Mode.FAIL_5XX);
                }
            });
            List<InvoiceLine> lines = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                lines.add(line("l" + i, "Line " + i, "1", Unit.MONTH, "10.00", "10.00", true));
            }
            Invoice invoice = invoice("ZY-2026-03-0007", lines, new BigDecimal("120.00"), new BigDecimal("9.90"));
            SinkConnector sink = sink(stripe, Map.of("retry.max-attempts", "2"));
            PushRequest request = request(invoice, CUSTOMER);

            assertThatThrownBy(() -> sink.push(request)).isInstanceOf(SourceUnavailableException.class);
            assertThat(stripe.invoices().get(0).lines()).hasSize(12);

            stripe.mode(Mode.NORMAL);
            sink.push(request);

            StripeInvoice inv = stripe.invoicesFor("ZY-2026-03-0007").get(0);
            assertThat(inv.lines()).hasSize(13);
            assertThat(inv.total()).isEqualTo(12_990L);
            assertThat(inv.status()).isEqualTo("open");
            assertThat(stripe.requestCount(Endpoint.INVOICE_LINES)).isPositive();
        }
    }

    @Test
    void throttled_stillSucceeds_afterHonouringStripesAnswers() {
        try (StripeSimulator stripe = simulator().throttleEvery(2).start()) {
            stripe.mode(Mode.THROTTLE);

            sink(stripe, Map.of()).push(request(invoice("ZY-2026-03-0008"), CUSTOMER));

            assertThat(stripe.requests()).anyMatch(r -> r.status() == 429);
            assertExactlyOneFinalized(stripe, "ZY-2026-03-0008");
        }
    }

    @Test
    void flaky5xx_afterApply_isRetriedIntoTheKeptAnswers_stillOneInvoice() {
        try (StripeSimulator stripe = simulator()
                .flakyEvery(3)
                .failAfterApply(Endpoint.CREATE_INVOICE, Endpoint.CREATE_INVOICE_ITEM, Endpoint.FINALIZE_INVOICE)
                .start()) {
            stripe.mode(Mode.FLAKY_5XX);

            sink(stripe, Map.of()).push(request(invoice("ZY-2026-03-0009"), CUSTOMER));

            assertThat(stripe.idempotentReplays()).isPositive();
            assertExactlyOneFinalized(stripe, "ZY-2026-03-0009");
        }
    }

    @Test
    void tokenExpiry_doesNotApply_stripeKeysDoNotExpire() {
        try (StripeSimulator stripe = simulator().start()) {
            assertThatThrownBy(() -> stripe.mode(Mode.TOKEN_EXPIRY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("secret key");
        }
    }

    @Test
    void validationError_isAFinalSourceException_withStripesMessage() {
        try (StripeSimulator stripe = simulator().start()) {
            assertThatThrownBy(() -> sink(stripe, Map.of()).push(request(invoice("ZY-2026-03-0010"), "cus_missing")))
                    .isInstanceOf(SourceException.class)
                    .isNotInstanceOf(SourceUnavailableException.class)
                    .hasMessageContaining("No such customer: 'cus_missing'");
            assertThat(stripe.invoices()).isEmpty();
        }
    }

    @Test
    void wrongApiKey_isACredentialsFailure_andCheckConnectionPassesWithTheRightOne() {
        try (StripeSimulator stripe = simulator().start()) {
            assertThatThrownBy(() -> sink(stripe, Map.of(), "sk_test_wrong_key").checkConnection())
                    .isInstanceOf(io.truecount.connector.CredentialsException.class)
                    .hasMessageContaining("Stripe refused the api-key")
                    .hasMessageNotContaining("sk_test_wrong_key");
        }
        try (StripeSimulator stripe = simulator().start()) {
            sink(stripe, Map.of()).checkConnection();
            assertThat(stripe.requestCount(Endpoint.BALANCE)).isEqualTo(1);
        }
    }

    @Test
    void chargeAutomatically_sendsNoDueDays() {
        try (StripeSimulator stripe = simulator().start()) {
            sink(stripe, Map.of("collection", "charge-automatically"))
                    .push(request(invoice("ZY-2026-03-0011"), CUSTOMER));

            assertThat(stripe.invoices().get(0).collectionMethod()).isEqualTo("charge_automatically");
            assertThat(stripe.invoices().get(0).daysUntilDue()).isNull();
        }
    }
}
