package io.truecount.sim.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.truecount.sim.vendor.FaultOptions;
import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.IdempotencyKeys;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.VendorSimulator;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A Stripe account on a local port, for the Stripe sink: {@code GET /v1/balance}, {@code GET|POST /v1/invoices},
 * {@code GET /v1/invoices/{id}}, {@code GET /v1/invoices/{id}/lines}, {@code POST /v1/invoices/{id}/finalize},
 * {@code POST /v1/invoiceitems}. Invoice totals are computed here from the items ({@code round(quantity x
 * unit_amount_decimal)}), as Stripe does, so a test sees what Stripe would bill.
 *
 * <p>Modes: {@link Mode#THROTTLE} answers 429 with {@code Stripe-Should-Retry: true} and {@code Retry-After};
 * {@link Mode#FAIL_5XX} and {@link Mode#FLAKY_5XX} answer 5xx, before applying a write or, with
 * {@link Builder#failAfterApply} for chosen steps, after it; {@link Mode#SLOW} applies and then answers late. Stripe authenticates with
 * a secret key that does not expire, so there is no {@link Mode#TOKEN_EXPIRY}.
 *
 * <pre>{@code
 * try (StripeSimulator stripe = StripeSimulator.builder().customer("cus_acme").start()) {
 *     // point a stripe connector at stripe.baseUrl() with stripe.apiKey()
 *     StripeEvents.Delivery paid = stripe.pay(stripe.invoices().get(0).id());
 * }
 * }</pre>
 */
public final class StripeSimulator extends VendorSimulator<Endpoint, ServedRequest> {

    public static final String DEFAULT_API_KEY = "sk_test_truecount_sim";
    public static final String DEFAULT_WEBHOOK_SECRET = "whsec_truecount_sim";

    private final StripeData data;
    private final Settings settings;
    private final IdempotencyKeys keys;

    private StripeSimulator(
            StripeData data, Settings settings, Faults faults, IdempotencyKeys keys, List<ServedRequest> log) {
        super(new StripeApi(data, settings, faults, keys, log), faults, log, ServedRequest::endpoint, routes());
        this.data = data;
        this.settings = settings;
        this.keys = keys;
    }

    private static List<MappingBuilder> routes() {
        return List.of(any(urlPathMatching("/v1/.*")));
    }

    public static Builder builder() {
        return new Builder();
    }

    public String apiKey() {
        return settings.apiKey();
    }

    public String webhookSecret() {
        return settings.webhookSecret();
    }

    /** Every invoice in creation order, with its lines and amounts as Stripe holds them. */
    public List<StripeInvoice> invoices() {
        return data.invoices();
    }

    /** The invoices whose {@code metadata[truecount_invoice]} is our number. */
    public List<StripeInvoice> invoicesFor(String truecountNumber) {
        return invoices().stream()
                .filter(i -> truecountNumber.equals(i.truecountNumber()))
                .toList();
    }

    public void addCustomer(String customerId) {
        data.addCustomer(customerId);
    }

    /** How many POSTs were answered from a kept idempotent answer. */
    public int idempotentReplays() {
        return keys.replays();
    }

    /**
     * Marks an open invoice paid by a new charge ({@code ch_…}) and returns the {@code invoice.paid} delivery Stripe
     * would send, created now and signed with {@link #webhookSecret()}.
     */
    public StripeEvents.Delivery pay(String invoiceId) {
        long n = data.nextId();
        StripeInvoice paid = data.pay(invoiceId, "ch_sim" + n);
        long now = settings.clock().instant().getEpochSecond();
        return new StripeEvents(settings.webhookSecret()).invoicePaid("evt_sim" + n, paid, now);
    }

    @Override
    public void mode(Mode mode) {
        if (mode == Mode.TOKEN_EXPIRY) {
            throw new IllegalArgumentException("Stripe has no tokens to expire: it authenticates with a secret key");
        }
        super.mode(mode);
    }

    /** Settings beyond the defaults; every one has a default. */
    public static final class Builder extends FaultOptions<Builder> {
        private final Set<String> customers = new LinkedHashSet<>();
        private String apiKey = DEFAULT_API_KEY;
        private String webhookSecret = DEFAULT_WEBHOOK_SECRET;
        private Set<Endpoint> failAfterApply = Set.of();

        private Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        /** Seeds customers ({@code cus_…}) invoices may be created for. */
        public Builder customer(String... ids) {
            customers.addAll(Arrays.asList(ids));
            return this;
        }

        public Builder apiKey(String key) {
            this.apiKey = Objects.requireNonNull(key, "key");
            return this;
        }

        public Builder webhookSecret(String secret) {
            this.webhookSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * In {@link Mode#FAIL_5XX} and {@link Mode#FLAKY_5XX}, writes to these endpoints are applied (and their answer
         * kept under their idempotency key) before the 5xx is sent: the vendor has it, the client never heard back.
         * Requests to other endpoints are then served normally in those modes, so a test loses exactly one step.
         */
        public Builder failAfterApply(Endpoint... endpoints) {
            this.failAfterApply = Set.of(endpoints);
            return this;
        }

        public StripeSimulator start() {
            Settings settings =
                    new Settings(apiKey, webhookSecret, failAfterApply, throttleEvery, flakyEvery, slowDelay, clock);
            Faults faults = new Faults(
                    throttleEvery,
                    flakyEvery,
                    StripeApi.error(new StripeError(
                                    429,
                                    "invalid_request_error",
                                    "rate_limit",
                                    null,
                                    "Request rate limit exceeded. Learn more about rate limits here "
                                            + "https://stripe.com/docs/rate-limits."))
                            .withHeader("Stripe-Should-Retry", "true"),
                    StripeApi.error(new StripeError(
                            500, "api_error", null, null, "An unknown error occurred, please try again.")));
            return new StripeSimulator(
                    new StripeData(customers, clock), settings, faults, new IdempotencyKeys(), newLog());
        }
    }
}
