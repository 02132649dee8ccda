package io.truecount.sim.datto;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.TokenOptions;
import io.truecount.sim.vendor.TokenStore;
import io.truecount.sim.vendor.VendorSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A Datto RMM API on a local port: the password-grant token endpoint, {@code GET /api/v2/account/sites} and
 * {@code GET /api/v2/site/{siteUid}/devices}, served from a {@link DattoData} set to callers with a live token,
 * misbehaving as its {@link Mode} says. Data requests are those for sites and site devices. In {@link Mode#THROTTLE}
 * a client that comes back before the 429's second has passed gets 403 (a temporary IP block), as from Datto; in
 * {@link Mode#MALFORMED_PAGE} the second page of every site's device listing is cut off.
 *
 * <pre>{@code
 * try (DattoSimulator datto = DattoSimulator.start(msp)) {
 *     datto.mode(Mode.THROTTLE);
 *     // point a datto-rmm connector at datto.baseUrl() with datto.apiKey() and datto.apiSecret()
 * }
 * }</pre>
 */
public final class DattoSimulator extends VendorSimulator<Endpoint, ServedRequest> {

    public static final String DEFAULT_API_KEY = "TRUECOUNTSIMKEY";
    public static final String DEFAULT_API_SECRET = "truecount-sim-datto-secret";

    private final Settings settings;
    private final TokenStore tokens;

    private DattoSimulator(
            DattoData data, Settings settings, TokenStore tokens, DattoFaults faults, List<ServedRequest> log) {
        super(
                new DattoApi(data, settings, tokens, faults, log),
                faults,
                log,
                ServedRequest::endpoint,
                List.of(
                        post(urlPathEqualTo(Endpoint.TOKEN.path())),
                        get(urlPathEqualTo(Endpoint.SITES.path())),
                        get(urlPathMatching("/api/v2/site/[^/]+/devices"))));
        this.settings = settings;
        this.tokens = tokens;
    }

    private static DattoSimulator create(DattoData data, Settings settings) {
        return new DattoSimulator(
                data,
                settings,
                new TokenStore(settings.clock(), settings.tokenLifetime()),
                new DattoFaults(settings.throttleEvery(), settings.flakyEvery(), settings.clock()),
                newLog());
    }

    /** Serves a generated MSP's estate as Datto would hold it ({@link DattoData#from(SampleMsp)}). */
    public static DattoSimulator start(SampleMsp msp) {
        return builder(DattoData.from(msp)).start();
    }

    public static DattoSimulator start(DattoData data) {
        return builder(data).start();
    }

    public static Builder builder(DattoData data) {
        return new Builder(data);
    }

    public String apiKey() {
        return settings.apiKey();
    }

    public String apiSecret() {
        return settings.apiSecret();
    }

    /** Switches behaviour for the requests that follow; the failure cadence and token use counts start over. */
    @Override
    public void mode(Mode mode) {
        super.mode(mode);
        tokens.resetUses();
    }

    /**
     * Settings beyond the data set; every one has a default. Tokens last 100 hours, about as Datto's
     * (vendor-apis.md §1.2), and {@link Mode#TOKEN_EXPIRY} allows 3 data requests per token.
     */
    public static final class Builder extends TokenOptions<Builder> {
        private final DattoData data;
        private String apiKey = DEFAULT_API_KEY;
        private String apiSecret = DEFAULT_API_SECRET;

        private Builder(DattoData data) {
            super(Duration.ofHours(100), 3);
            this.data = Objects.requireNonNull(data, "data");
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Builder credentials(String key, String secret) {
            this.apiKey = Objects.requireNonNull(key, "key");
            this.apiSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        public DattoSimulator start() {
            return create(
                    data,
                    new Settings(
                            apiKey,
                            apiSecret,
                            tokenLifetime,
                            throttleEvery,
                            flakyEvery,
                            tokenRequestLimit,
                            slowDelay,
                            clock));
        }
    }
}
