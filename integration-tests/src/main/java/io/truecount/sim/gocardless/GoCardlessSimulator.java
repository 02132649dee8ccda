package io.truecount.sim.gocardless;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.truecount.sim.gocardless.GoCardlessEvents.Delivery;
import io.truecount.sim.vendor.FaultOptions;
import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.VendorSimulator;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A GoCardless API on a local port: {@code GET /creditors}, {@code POST /payments}, {@code GET /payments} and
 * {@code GET /payments/PM…}, for callers with the access token and the {@code GoCardless-Version} header.
 *
 * <p>Access tokens do not expire, so there is no {@link Mode#TOKEN_EXPIRY}. {@link Mode#THROTTLE} answers 429 with
 * GoCardless's {@code RateLimit-*} headers; {@link Mode#FAIL_5XX} and {@link Mode#FLAKY_5XX} create a payment and then
 * answer 5xx; {@link Mode#SLOW} creates it and answers late; {@link Mode#MALFORMED_PAGE} cuts off listing pages after
 * the first.
 *
 * <pre>{@code
 * try (GoCardlessSimulator gc = GoCardlessSimulator.start()) {
 *     // push to gc.baseUrl() with gc.accessToken() against GoCardlessSimulator.GBP_MANDATE
 *     Delivery confirmed = gc.confirm(gc.payments().get(0).id());
 * }
 * }</pre>
 */
public final class GoCardlessSimulator extends VendorSimulator<Endpoint, ServedRequest> {

    public static final String DEFAULT_ACCESS_TOKEN = "sandbox_truecount-sim-gocardless-token";
    public static final String DEFAULT_WEBHOOK_SECRET = "truecount-sim-gocardless-webhook-secret";
    /** Seeded mandates: Bacs (GBP), SEPA Core (EUR) and ACH (USD). */
    public static final String GBP_MANDATE = "MD000SIMGB01";

    public static final String EUR_MANDATE = "MD000SIMEU01";
    public static final String USD_MANDATE = "MD000SIMUS01";

    private final GoCardlessData data;
    private final Settings settings;
    private final GoCardlessApi api;

    private GoCardlessSimulator(GoCardlessData data, Settings settings, Faults faults, List<ServedRequest> log) {
        this(new GoCardlessApi(data, settings, faults, log), data, settings, faults, log);
    }

    private GoCardlessSimulator(
            GoCardlessApi api, GoCardlessData data, Settings settings, Faults faults, List<ServedRequest> log) {
        super(api, faults, log, ServedRequest::endpoint, routes());
        this.api = api;
        this.data = data;
        this.settings = settings;
    }

    private static List<MappingBuilder> routes() {
        return List.of(any(urlPathMatching("/creditors|/payments(/[^/]+)?")));
    }

    public static GoCardlessSimulator start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String accessToken() {
        return settings.accessToken();
    }

    public String webhookSecret() {
        return settings.webhookSecret();
    }

    /** Every payment created, in creation order. */
    public List<SimPayment> payments() {
        return data.payments();
    }

    public Optional<SimPayment> payment(String id) {
        return data.payment(id);
    }

    /** How many creates were answered from a kept idempotency key (the 409 conflict). */
    public int idempotentReplays() {
        return api.keys().replays();
    }

    /** The bank confirmed the collection: {@code payments.confirmed}. */
    public Delivery confirm(String paymentId) {
        return move(paymentId, "confirmed", "gocardless", "payment_confirmed", "Payment was confirmed as collected");
    }

    /** The collection failed: {@code payments.failed} with the bank's cause ({@code insufficient_funds}). */
    public Delivery fail(String paymentId, String cause, String description) {
        return move(paymentId, "failed", "bank", cause, description);
    }

    /** The money reached the creditor's account: {@code payments.paid_out}. */
    public Delivery payOut(String paymentId) {
        return move(
                paymentId, "paid_out", "gocardless", "payment_paid_out", "The payment has been paid out by GoCardless");
    }

    /** The customer had the bank reverse it: {@code payments.charged_back}. */
    public Delivery chargeBack(String paymentId) {
        return move(
                paymentId, "charged_back", "bank", "payment_autorefunded", "The customer's bank reversed the payment");
    }

    @Override
    public void mode(Mode mode) {
        if (mode == Mode.TOKEN_EXPIRY) {
            throw new IllegalArgumentException("GoCardless access tokens do not expire; there is no TOKEN_EXPIRY");
        }
        super.mode(mode);
    }

    private Delivery move(String paymentId, String status, String origin, String cause, String description) {
        data.move(paymentId, status);
        GoCardlessEvents.Event event = GoCardlessEvents.payment(
                data.nextEventId(), settings.clock().instant(), status, paymentId, origin, cause, description);
        return GoCardlessEvents.sign(settings.webhookSecret(), event);
    }

    /** Settings beyond the defaults; every one has a default. */
    public static final class Builder extends FaultOptions<Builder> {
        private String accessToken = DEFAULT_ACCESS_TOKEN;
        private String webhookSecret = DEFAULT_WEBHOOK_SECRET;
        private final Map<String, String> mandates = new LinkedHashMap<>(Map.of(
                GBP_MANDATE, "GBP",
                EUR_MANDATE, "EUR",
                USD_MANDATE, "USD"));

        private Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        public Builder accessToken(String token) {
            this.accessToken = Objects.requireNonNull(token, "token");
            return this;
        }

        public Builder webhookSecret(String secret) {
            this.webhookSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** Another active mandate, whose scheme follows from its currency (GBP Bacs, EUR SEPA Core, ...). */
        public Builder mandate(String id, String currency) {
            mandates.put(Objects.requireNonNull(id, "id"), Objects.requireNonNull(currency, "currency"));
            return this;
        }

        public GoCardlessSimulator start() {
            Settings settings = new Settings(accessToken, webhookSecret, throttleEvery, flakyEvery, slowDelay, clock);
            String reset = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    clock.instant().plusSeconds(60).atOffset(ZoneOffset.UTC));
            Faults faults = new Faults(
                    throttleEvery,
                    flakyEvery,
                    GoCardlessJson.error(
                                    429, "invalid_api_usage", "Rate limit exceeded", "rate_limit_exceeded", null, null)
                            .withHeader("RateLimit-Limit", "1000")
                            .withHeader("RateLimit-Remaining", "0")
                            .withHeader("RateLimit-Reset", reset),
                    GoCardlessJson.error(
                            500,
                            "gocardless",
                            "Uh-oh! Something went wrong on our end",
                            "internal_server_error",
                            null,
                            null));
            return new GoCardlessSimulator(new GoCardlessData(mandates), settings, faults, newLog());
        }
    }
}
