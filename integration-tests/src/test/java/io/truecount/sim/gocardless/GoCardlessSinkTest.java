package io.truecount.sim.gocardless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.CredentialsException;
import io.truecount.connector.Secret;
import io.truecount.connector.SourceException;
import io.truecount.connector.SourceUnavailableException;
import io.truecount.connector.gocardless.GoCardlessConnectorType;
import io.truecount.connector.push.PushReceipt;
import io.truecount.connector.push.PushRequest;
import io.truecount.connector.push.SinkConnector;
import io.truecount.sim.vendor.Mode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GoCardless sink against the GoCardless simulator: one payment per invoice, whatever goes wrong on the way. */
class GoCardlessSinkTest {

    private static final String NUMBER = "ZY-202610-00001";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static DefaultCamelContext camel;

    private GoCardlessSimulator gocardless;

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
    void startSimulator() {
        gocardless =
                GoCardlessSimulator.builder().slowDelay(Duration.ofSeconds(2)).start();
    }

    @AfterEach
    void stopSimulator() {
        gocardless.close();
    }

    private SinkConnector sink(Map<String, String> extraOptions, String token) {
        Map<String, String> options = new HashMap<>(Map.of(
                "retry.backoff-millis", "5",
                "retry.max-wait-seconds", "2",
                "timeout-seconds", "5",
                "retry.max-attempts", "4"));
        options.putAll(extraOptions);
        ConnectorSettings settings = new ConnectorSettings(
                "gc",
                "gocardless",
                URI.create(gocardless.baseUrl()),
                null,
                Map.of(
                        "access-token", new Secret(token, "test access-token"),
                        "webhook-secret", new Secret(gocardless.webhookSecret(), "test webhook-secret")),
                null,
                null,
                Map.of(),
                null,
                options);
        return new GoCardlessConnectorType().createSink(settings, new ConnectorRuntime(camel, Clock.systemUTC()));
    }

    private SinkConnector sink() {
        return sink(Map.of(), gocardless.accessToken());
    }

    private static PushRequest october() {
        return Invoices.push(Invoices.october(NUMBER), GoCardlessSimulator.GBP_MANDATE);
    }

    @Test
    void push_createsOnePayment_ofTheInvoiceTotalInPence_againstTheMandate() {
        PushReceipt receipt = sink().push(october());

        assertThat(gocardless.payments()).singleElement().satisfies(payment -> {
            assertThat(payment.id()).isEqualTo(receipt.externalId()).startsWith("PM");
            // 810.00 + 232.26 (prorated 20/31) + 99.99 untaxed = 1142.25; VAT 20 % of 1042.26 = 208.45.
            assertThat(payment.amount()).isEqualTo(135_070L);
            assertThat(payment.currency()).isEqualTo("GBP");
            assertThat(payment.mandate()).isEqualTo(GoCardlessSimulator.GBP_MANDATE);
            assertThat(payment.metadata()).containsExactly(Map.entry("truecount_invoice", NUMBER));
            assertThat(payment.description()).isEqualTo("Invoice " + NUMBER + ", 2026-10-01 to 2026-10-31");
        });
        assertThat(gocardless.requests())
                .filteredOn(r -> r.method().equals("POST"))
                .extracting(ServedRequest::idempotencyKey)
                .containsExactly("truecount-" + NUMBER + "-gc");
    }

    @Test
    void pushingTheSameRequestAgain_givesTheSameReceipt_andStillOnePayment() {
        SinkConnector sink = sink();
        PushReceipt first = sink.push(october());
        PushReceipt second = sink.push(october());

        assertThat(second).isEqualTo(first);
        assertThat(gocardless.payments()).hasSize(1);
        assertThat(gocardless.idempotentReplays()).isEqualTo(1);
        assertThat(sink.find(october())).contains(first);
    }

    @Test
    void sameKeyWithAnotherBody_isRefused_andCreatesNothing() throws Exception {
        SinkConnector sink = sink();
        PushReceipt first = sink.push(october());
        var invoice = Invoices.october(NUMBER);
        var changed = Invoices.invoice(
                NUMBER,
                invoice.lines().subList(0, 1),
                "810.00",
                "162.00",
                "972.00"); // the same invoice number with other lines: the key is the same, the body is not

        HttpResponse<String> raw = post(
                "{\"payments\":{\"amount\":97200,\"currency\":\"GBP\",\"links\":{\"mandate\":\""
                        + GoCardlessSimulator.GBP_MANDATE + "\"}}}",
                "truecount-" + NUMBER + "-gc");
        assertThat(raw.statusCode()).isEqualTo(409);
        assertThat(raw.body()).contains("idempotent_creation_conflict").contains(first.externalId());

        assertThatThrownBy(() -> sink.push(Invoices.push(changed, GoCardlessSimulator.GBP_MANDATE)))
                .isExactlyInstanceOf(SourceException.class)
                .hasMessageContaining(first.externalId())
                .hasMessageContaining("amount is 135070, not 97200");
        assertThat(gocardless.payments()).hasSize(1);
    }

    @Test
    void applyThenFail5xx_isUnavailable_thenFindResolvesIt_andNoSecondPaymentExists() {
        SinkConnector sink = sink();
        gocardless.mode(Mode.FAIL_5XX);

        assertThatThrownBy(() -> sink.push(october())).isInstanceOf(SourceUnavailableException.class);
        assertThat(gocardless.payments()).hasSize(1);

        gocardless.mode(Mode.NORMAL);
        PushReceipt found = sink.find(october()).orElseThrow();
        assertThat(found.externalId()).isEqualTo(gocardless.payments().get(0).id());
        assertThat(sink.push(october())).isEqualTo(found);
        assertThat(gocardless.payments()).hasSize(1);
    }

    @Test
    void slowAnswerPastTheClientTimeout_isUnavailable_thenFindResolvesIt() {
        SinkConnector impatient =
                sink(Map.of("timeout-seconds", "1", "retry.max-attempts", "1"), gocardless.accessToken());
        gocardless.mode(Mode.SLOW);

        assertThatThrownBy(() -> impatient.push(october())).isInstanceOf(SourceUnavailableException.class);

        gocardless.mode(Mode.NORMAL);
        assertThat(gocardless.payments()).hasSize(1);
        assertThat(impatient.find(october()))
                .map(PushReceipt::externalId)
                .contains(gocardless.payments().get(0).id());
        assertThat(gocardless.payments()).hasSize(1);
    }

    @Test
    void flaky5xxAfterTheWrite_isResolvedWithinOnePush_byTheIdempotencyConflict() {
        gocardless.mode(Mode.FLAKY_5XX);
        SinkConnector sink = sink();

        PushReceipt receipt = null;
        for (int i = 1; i <= 3; i++) {
            receipt = sink.push(Invoices.push(Invoices.october("ZY-202610-0000" + i), GoCardlessSimulator.GBP_MANDATE));
        }

        assertThat(gocardless.payments()).hasSize(3);
        assertThat(gocardless.requests()).anyMatch(r -> r.status() == 503);
        assertThat(gocardless.payments().get(2).id()).isEqualTo(receipt.externalId());
    }

    @Test
    void throttling_isWaitedOut_withGoCardlessRateLimitHeaders() throws Exception {
        gocardless.mode(Mode.THROTTLE);
        SinkConnector sink = sink();

        PushReceipt receipt = sink.push(october());
        assertThat(sink.find(october())).contains(receipt);
        sink.checkConnection();

        assertThat(gocardless.payments()).hasSize(1);
        assertThat(gocardless.requests()).anyMatch(r -> r.status() == 429);
        HttpResponse<String> throttled = null;
        for (int i = 0; i < 3 && (throttled == null || throttled.statusCode() != 429); i++) {
            throttled = get("/creditors?limit=1");
        }
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("RateLimit-Remaining")).contains("0");
        assertThat(throttled.headers().firstValue("RateLimit-Limit")).isPresent();
    }

    @Test
    void accessTokensDoNotExpire_soAWrongTokenIsACredentialsProblem_andCreatesNothing() {
        assertThatThrownBy(() -> gocardless.mode(Mode.TOKEN_EXPIRY)).isInstanceOf(IllegalArgumentException.class);

        assertThatThrownBy(() -> sink(Map.of(), "not-the-token").push(october()))
                .isInstanceOf(CredentialsException.class)
                .hasMessageNotContaining("not-the-token");
        assertThat(gocardless.payments()).isEmpty();
    }

    @Test
    void aCurrencyTheMandatesSchemeCannotTake_isAFinalVendorValidationError() {
        PushRequest euros = Invoices.push(
                Invoices.inCurrency(Invoices.october(NUMBER), Currency.getInstance("EUR")),
                GoCardlessSimulator.GBP_MANDATE);

        assertThatThrownBy(() -> sink().push(euros))
                .isExactlyInstanceOf(SourceException.class)
                .hasMessageContaining("validation_failed")
                .hasMessageContaining("currency must be GBP for a bacs mandate");
        assertThat(gocardless.payments()).isEmpty();
    }

    @Test
    void listing_pagesNewestFirstWithAfterCursors_andMalformedPageCutsOffTheSecondPage() throws Exception {
        SinkConnector sink = sink();
        for (int i = 1; i <= 3; i++) {
            sink.push(Invoices.push(Invoices.october("ZY-202610-0000" + i), GoCardlessSimulator.GBP_MANDATE));
        }
        String mandate = "/payments?mandate=" + GoCardlessSimulator.GBP_MANDATE + "&limit=2";

        HttpResponse<String> first = get(mandate);
        assertThat(first.body())
                .contains("PM0000000003")
                .contains("PM0000000002")
                .doesNotContain("PM0000000001");
        assertThat(first.body()).contains("\"after\":\"PM0000000002\"");
        HttpResponse<String> second = get(mandate + "&after=PM0000000002");
        assertThat(second.body()).contains("PM0000000001").contains("\"after\":null");
        assertThat(get("/payments?mandate=" + GoCardlessSimulator.EUR_MANDATE).body())
                .contains("\"payments\":[]");

        gocardless.mode(Mode.MALFORMED_PAGE);
        assertThat(get(mandate).body()).isEqualTo(first.body());
        assertThat(get(mandate + "&after=PM0000000002").body())
                .hasSizeLessThan(second.body().length());
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(
                authorized(HttpRequest.newBuilder(URI.create(gocardless.baseUrl() + pathAndQuery)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body, String key) throws IOException, InterruptedException {
        return HTTP.send(
                authorized(HttpRequest.newBuilder(URI.create(gocardless.baseUrl() + "/payments")))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + gocardless.accessToken())
                .header("GoCardless-Version", "2015-07-06");
    }
}
