package io.truecount.sim.xero;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.IdempotencyKeys;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.Reply;
import io.truecount.sim.vendor.TokenOptions;
import io.truecount.sim.vendor.TokenStore;
import io.truecount.sim.vendor.VendorSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One Xero organisation on a local port: {@code POST /connect/token} (client credentials), and below
 * {@link Endpoint#API}: {@code PUT}/{@code POST /Invoices}, {@code GET /Invoices}, {@code GET /Organisation}.
 * In {@link Mode#THROTTLE} it enforces Xero's per-tenant limit (60 a minute by default) with 429, {@code Retry-After}
 * and {@code X-Rate-Limit-Problem: minute}; in {@link Mode#FAIL_5XX} and {@link Mode#FLAKY_5XX} writes are applied
 * before the failure; in {@link Mode#SLOW} the write is applied and the answer delayed; in
 * {@link Mode#MALFORMED_PAGE} page 2 of {@code GET /Invoices} is cut off.
 *
 * <pre>{@code
 * try (XeroSimulator xero = XeroSimulator.builder().conformance(spec).start()) {
 *     // a xero connector with base-url xero.apiUrl(), auth-url xero.tokenUrl(), xero.clientId() ...
 *     assertThat(xero.invoices()).hasSize(1);
 * }
 * }</pre>
 */
public final class XeroSimulator extends VendorSimulator<Endpoint, ServedRequest> {

    public static final String DEFAULT_CLIENT_ID = "TRUECOUNTSIMXEROCLIENT";
    public static final String DEFAULT_CLIENT_SECRET = "truecount-sim-xero-secret";
    public static final String DEFAULT_TENANT_ID = "fe79f7dd-b6d4-4a92-ba7b-538af6289c58";

    private final Settings settings;
    private final TokenStore tokens;
    private final XeroLedger ledger;
    private final IdempotencyKeys keys;

    private XeroSimulator(
            Settings settings,
            TokenStore tokens,
            Faults faults,
            XeroLedger ledger,
            IdempotencyKeys keys,
            List<ServedRequest> log) {
        super(
                new XeroApi(
                        settings,
                        tokens,
                        faults,
                        new RateWindow(settings.perMinute(), settings.rateWindow(), 5000),
                        ledger,
                        keys,
                        log),
                faults,
                log,
                ServedRequest::endpoint,
                List.of(
                        post(urlPathEqualTo(Endpoint.TOKEN.path())),
                        get(urlPathEqualTo(Endpoint.GET_INVOICES.path())),
                        put(urlPathEqualTo(Endpoint.PUT_INVOICES.path())),
                        post(urlPathEqualTo(Endpoint.POST_INVOICES.path())),
                        get(urlPathEqualTo(Endpoint.ORGANISATION.path()))));
        this.settings = settings;
        this.tokens = tokens;
        this.ledger = ledger;
        this.keys = keys;
    }

    public static XeroSimulator start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The connector's {@code base-url}: {@code http://localhost:<port>/api.xro/2.0}. */
    public String apiUrl() {
        return baseUrl() + Endpoint.API;
    }

    /** The connector's {@code auth-url}. */
    public String tokenUrl() {
        return baseUrl() + Endpoint.TOKEN.path();
    }

    public String clientId() {
        return settings.clientId();
    }

    public String clientSecret() {
        return settings.clientSecret();
    }

    public String tenantId() {
        return settings.tenantId();
    }

    /** Every invoice created so far, in creation order, with Xero's amounts. */
    public List<SimInvoice> invoices() {
        return ledger.invoices();
    }

    /** How many writes were answered from a kept reply of the same {@code Idempotency-Key}. */
    public int idempotentReplays() {
        return keys.replays();
    }

    /** Forgets every idempotency key, as Xero does after a while; invoices stay. */
    public void forgetIdempotencyKeys() {
        keys.clear();
    }

    /** Switches behaviour for the requests that follow; the failure cadence and token use counts start over. */
    @Override
    public void mode(Mode mode) {
        super.mode(mode);
        tokens.resetUses();
    }

    /**
     * Settings; every one has a default. Tokens last 30 minutes as Xero's; {@link Mode#TOKEN_EXPIRY} allows 3 data
     * requests per token; tax type {@code OUTPUT} is 8.25 % and {@code NONE} 0 %; accounts 200, 260 and 400 exist.
     */
    public static final class Builder extends TokenOptions<Builder> {
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;
        private String tenantId = DEFAULT_TENANT_ID;
        private int perMinute = 60;
        private Duration rateWindow = Duration.ofMinutes(1);
        private final Map<String, BigDecimal> taxRates =
                new LinkedHashMap<>(Map.of("OUTPUT", new BigDecimal("8.25"), "NONE", BigDecimal.ZERO));
        private final Set<String> accountCodes = new LinkedHashSet<>(List.of("200", "260", "400"));
        private Conformance conformance = Conformance.NONE;

        private Builder() {
            super(Duration.ofMinutes(30), 3);
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Builder credentials(String id, String secret, String tenant) {
            this.clientId = Objects.requireNonNull(id, "id");
            this.clientSecret = Objects.requireNonNull(secret, "secret");
            this.tenantId = Objects.requireNonNull(tenant, "tenant");
            return this;
        }

        /** Calls allowed per window in {@link Mode#THROTTLE}; Xero's is 60 a minute. */
        public Builder rateLimit(int calls, Duration window) {
            this.perMinute = atLeastOne(calls, "calls");
            this.rateWindow = positive(window, "rate window");
            return this;
        }

        /** A tax rate of the organisation, by tax type code. */
        public Builder taxRate(String taxType, BigDecimal percent) {
            taxRates.put(Objects.requireNonNull(taxType, "taxType"), Objects.requireNonNull(percent, "percent"));
            return this;
        }

        public Builder accountCode(String code) {
            accountCodes.add(Objects.requireNonNull(code, "code"));
            return this;
        }

        /** The contract every data request is checked against before it is served; 400 with its problems if not. */
        public Builder conformance(Conformance check) {
            this.conformance = Objects.requireNonNull(check, "check");
            return this;
        }

        public XeroSimulator start() {
            Settings settings = new Settings(
                    clientId,
                    clientSecret,
                    tenantId,
                    tokenLifetime,
                    flakyEvery,
                    tokenRequestLimit,
                    slowDelay,
                    clock,
                    perMinute,
                    rateWindow,
                    taxRates,
                    accountCodes,
                    conformance);
            Reply tooMany = XeroApi.json(429, XeroJson.problem(429, "Too Many Requests", "Rate limit exceeded"));
            Reply serverError = XeroApi.json(500, XeroJson.problem(500, "Internal Server Error", "An error occurred"));
            // THROTTLE is Xero's rate window (XeroApi), not the shared every-Nth cadence.
            Faults faults = new Faults(throttleEvery, flakyEvery, tooMany, serverError) {
                @Override
                protected Reply throttle() {
                    return null;
                }
            };
            return new XeroSimulator(
                    settings,
                    new TokenStore(clock, tokenLifetime),
                    faults,
                    new XeroLedger(taxRates, accountCodes, clock),
                    new IdempotencyKeys(),
                    newLog());
        }
    }
}
