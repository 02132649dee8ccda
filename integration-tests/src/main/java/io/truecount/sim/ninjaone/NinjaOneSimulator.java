package io.truecount.sim.ninjaone;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.TokenOptions;
import io.truecount.sim.vendor.TokenStore;
import io.truecount.sim.vendor.VendorSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A NinjaOne API on a local port: {@code POST /ws/oauth/token}, {@code GET /v2/organizations} and
 * {@code GET /v2/devices-detailed}, served from a {@link NinjaOneData} set, misbehaving as its {@link Mode} says.
 * Data requests are those to {@code /v2/organizations} and {@code /v2/devices-detailed}; in
 * {@link Mode#MALFORMED_PAGE} the devices page after a full first page is cut off.
 *
 * <pre>{@code
 * try (NinjaOneSimulator ninja = NinjaOneSimulator.start(msp)) {
 *     ninja.mode(Mode.THROTTLE);
 *     // point a ninjaone connector at ninja.baseUrl() with ninja.clientId() / ninja.clientSecret()
 * }
 * }</pre>
 */
public final class NinjaOneSimulator extends VendorSimulator<Endpoint, ServedRequest> {

    public static final String DEFAULT_CLIENT_ID = "truecount-sim-client";
    public static final String DEFAULT_CLIENT_SECRET = "truecount-sim-secret";

    private final Settings settings;
    private final TokenStore tokens;

    private NinjaOneSimulator(
            NinjaOneData data, Settings settings, TokenStore tokens, Faults faults, List<ServedRequest> log) {
        super(
                new NinjaOneApi(data, settings, tokens, faults, log),
                faults,
                log,
                ServedRequest::endpoint,
                List.of(
                        post(urlPathEqualTo(Endpoint.TOKEN.path())),
                        get(urlPathEqualTo(Endpoint.ORGANIZATIONS.path())),
                        get(urlPathEqualTo(Endpoint.DEVICES.path()))));
        this.settings = settings;
        this.tokens = tokens;
    }

    private static NinjaOneSimulator create(NinjaOneData data, Settings settings) {
        Faults faults = new Faults(
                settings.throttleEvery(),
                settings.flakyEvery(),
                NinjaOneApi.error(429, "too_many_requests"),
                NinjaOneApi.error(500, "internal_server_error"));
        return new NinjaOneSimulator(
                data, settings, new TokenStore(settings.clock(), settings.tokenLifetime()), faults, newLog());
    }

    /** Serves a generated MSP, accepting the MSP's own API client ({@link SampleMsp#ninjaOneClient()}). */
    public static NinjaOneSimulator start(SampleMsp msp) {
        return builder(NinjaOneData.from(msp))
                .credentials(
                        msp.ninjaOneClient().clientId(), msp.ninjaOneClient().clientSecret())
                .start();
    }

    /** Serves a data set with the default settings and credentials. */
    public static NinjaOneSimulator start(NinjaOneData data) {
        return builder(data).start();
    }

    public static Builder builder(NinjaOneData data) {
        return new Builder(data);
    }

    public String clientId() {
        return settings.clientId();
    }

    public String clientSecret() {
        return settings.clientSecret();
    }

    /** Switches behaviour for the requests that follow; the failure cadence starts over. */
    @Override
    public void mode(Mode mode) {
        super.mode(mode);
        if (mode == Mode.TOKEN_EXPIRY) {
            tokens.resetUses();
        }
    }

    public List<Instant> requestTimes(Endpoint endpoint) {
        return requests().stream()
                .filter(r -> r.endpoint() == endpoint)
                .map(ServedRequest::at)
                .toList();
    }

    /**
     * Settings beyond the data set; every one has a default. Tokens last 3600 s, as NinjaOne's, and
     * {@link Mode#TOKEN_EXPIRY} allows 2 data requests per token.
     */
    public static final class Builder extends TokenOptions<Builder> {
        private final NinjaOneData data;
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;

        private Builder(NinjaOneData data) {
            super(Duration.ofSeconds(3600), 2);
            this.data = Objects.requireNonNull(data, "data");
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

        public NinjaOneSimulator start() {
            return create(
                    data,
                    new Settings(
                            clientId,
                            clientSecret,
                            tokenLifetime,
                            throttleEvery,
                            flakyEvery,
                            tokenRequestLimit,
                            slowDelay,
                            clock));
        }
    }
}
