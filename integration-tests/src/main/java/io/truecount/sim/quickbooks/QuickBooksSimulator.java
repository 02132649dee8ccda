package io.truecount.sim.quickbooks;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.IdempotencyKeys;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.TokenOptions;
import io.truecount.sim.vendor.VendorSimulator;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A QuickBooks Online company on a local port: Intuit's token endpoint and the company's {@code invoice},
 * {@code query} and {@code companyinfo} endpoints, misbehaving as its {@link Mode} says. Data requests are those to
 * the company. {@link Mode#THROTTLE} answers 429 {@code ThrottleExceeded}; in {@link Mode#FAIL_5XX} and
 * {@link Mode#FLAKY_5XX} an invoice create is applied before the 5xx, so the invoice exists though the client saw an
 * error; {@link Mode#MALFORMED_PAGE} cuts off query answers.
 *
 * <pre>{@code
 * try (QuickBooksSimulator qbo = QuickBooksSimulator.builder().customer("58").start()) {
 *     // a quickbooks-online connector: base-url qbo.baseUrl(), auth-url qbo.tokenUrl(), credentials from qbo
 *     qbo.invoices();
 * }
 * }</pre>
 */
public final class QuickBooksSimulator extends VendorSimulator<Endpoint, ServedRequest> {

    public static final String DEFAULT_CLIENT_ID = "ABsimQuickBooksClientId";
    public static final String DEFAULT_CLIENT_SECRET = "truecount-sim-qbo-secret";
    public static final String DEFAULT_REALM_ID = "9130357766451234";
    public static final String DEFAULT_REFRESH_TOKEN = "RT1-initial-truecount-sim";

    private final Settings settings;
    private final Tokens tokens;
    private final Books books;
    private final IdempotencyKeys requestIds;

    private QuickBooksSimulator(
            Settings settings,
            Tokens tokens,
            Books books,
            IdempotencyKeys requestIds,
            Faults faults,
            List<ServedRequest> log) {
        super(
                new QuickBooksApi(settings, tokens, books, requestIds, faults, log),
                faults,
                log,
                ServedRequest::endpoint,
                List.of(
                        post(urlPathEqualTo(Endpoint.TOKEN.path())),
                        any(urlPathMatching(Endpoint.INVOICE.regex())),
                        get(urlPathMatching(Endpoint.QUERY.regex())),
                        get(urlPathMatching(Endpoint.COMPANY_INFO.regex()))));
        this.settings = settings;
        this.tokens = tokens;
        this.books = books;
        this.requestIds = requestIds;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Intuit's token endpoint on this simulator: the connector's {@code auth-url}. */
    public String tokenUrl() {
        return baseUrl() + Endpoint.TOKEN.path();
    }

    public String clientId() {
        return settings.clientId();
    }

    public String clientSecret() {
        return settings.clientSecret();
    }

    public String realmId() {
        return settings.realmId();
    }

    /** The refresh token the company was connected with: what an admin puts in the configuration. */
    public String initialRefreshToken() {
        return settings.refreshToken();
    }

    /** The only refresh token (besides a not-yet-superseded predecessor) the token endpoint still accepts. */
    public String newestRefreshToken() {
        return tokens.newestRefreshToken();
    }

    /** How many refreshes the token endpoint granted. */
    public int refreshes() {
        return tokens.refreshes();
    }

    /** The invoices the company holds, in creation order. */
    public List<SimInvoice> invoices() {
        return books.invoices();
    }

    /** How many invoice creates were answered with the first answer of their {@code requestid}. */
    public int replays() {
        return requestIds.replays();
    }

    /** Switches behaviour for the requests that follow; the failure cadence and token use counts start over. */
    @Override
    public void mode(Mode mode) {
        super.mode(mode);
        tokens.resetUses();
    }

    /**
     * Settings beyond the defaults: access tokens last 3600 s as Intuit's, {@link Mode#TOKEN_EXPIRY} allows 3 data
     * requests per token, the item {@code 1} ("Services") exists and customers must be added.
     */
    public static final class Builder extends TokenOptions<Builder> {
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;
        private String realmId = DEFAULT_REALM_ID;
        private String refreshToken = DEFAULT_REFRESH_TOKEN;
        private String companyName = "Zylker Managed Services";
        private final Set<String> customers = new LinkedHashSet<>();
        private final Set<String> items = new LinkedHashSet<>(Set.of("1"));

        private Builder() {
            super(Duration.ofSeconds(3600), 3);
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Builder credentials(String id, String secret) {
            this.clientId = Objects.requireNonNull(id, "id");
            this.clientSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        public Builder realmId(String value) {
            this.realmId = Objects.requireNonNull(value, "realmId");
            return this;
        }

        public Builder refreshToken(String value) {
            this.refreshToken = Objects.requireNonNull(value, "refreshToken");
            return this;
        }

        public Builder companyName(String value) {
            this.companyName = Objects.requireNonNull(value, "companyName");
            return this;
        }

        /** A customer Id that exists in the company ({@code CustomerRef}). */
        public Builder customer(String id) {
            customers.add(Objects.requireNonNull(id, "id"));
            return this;
        }

        /** A product or service Id that exists ({@code ItemRef}). */
        public Builder item(String id) {
            items.add(Objects.requireNonNull(id, "id"));
            return this;
        }

        public QuickBooksSimulator start() {
            Settings settings = new Settings(
                    clientId,
                    clientSecret,
                    realmId,
                    refreshToken,
                    companyName,
                    customers,
                    items,
                    tokenLifetime,
                    throttleEvery,
                    flakyEvery,
                    tokenRequestLimit,
                    slowDelay,
                    clock);
            Faults faults = new Faults(
                    throttleEvery,
                    flakyEvery,
                    QuickBooksJson.fault(
                            429, "SERVICE", "ThrottleExceeded", "Throttle exceeded", "003001", clock.instant()),
                    QuickBooksJson.fault(
                            500,
                            "SERVICE",
                            "An application error has occurred",
                            "Internal server error",
                            "10000",
                            clock.instant()));
            return new QuickBooksSimulator(
                    settings,
                    new Tokens(clock, tokenLifetime, refreshToken),
                    new Books(customers, items),
                    new IdempotencyKeys(),
                    faults,
                    newLog());
        }
    }
}
