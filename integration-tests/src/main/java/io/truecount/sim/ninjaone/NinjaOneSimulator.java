package io.truecount.sim.ninjaone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import io.truecount.sim.msp.SampleMsp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A NinjaOne API on a local port: {@code POST /ws/oauth/token}, {@code GET /v2/organizations} and
 * {@code GET /v2/devices-detailed}, served from a {@link NinjaOneData} set, misbehaving as its {@link Mode} says.
 *
 * <pre>{@code
 * try (NinjaOneSimulator ninja = NinjaOneSimulator.start(msp)) {
 *     ninja.mode(Mode.THROTTLE);
 *     // point a ninjaone connector at ninja.baseUrl() with ninja.clientId() / ninja.clientSecret()
 * }
 * }</pre>
 */
public final class NinjaOneSimulator implements AutoCloseable {

    public static final String DEFAULT_CLIENT_ID = "truecount-sim-client";
    public static final String DEFAULT_CLIENT_SECRET = "truecount-sim-secret";

    private final Settings settings;
    private final Faults faults;
    private final TokenStore tokens;
    private final List<ServedRequest> log = Collections.synchronizedList(new ArrayList<>());
    private final WireMockServer server;

    private NinjaOneSimulator(NinjaOneData data, Settings settings) {
        this.settings = settings;
        this.faults = new Faults(settings.throttleEvery(), settings.flakyEvery());
        this.tokens = new TokenStore(settings.clock(), settings.tokenLifetime());
        NinjaOneApi api = new NinjaOneApi(data, settings, tokens, faults, log);
        this.server = new WireMockServer(options()
                .dynamicPort()
                .extensions(api)
                .maxRequestJournalEntries(10_000)
                .notifier(new ConsoleNotifier(false)));
        server.stubFor(post(urlPathEqualTo(Endpoint.TOKEN.path()))
                .willReturn(aResponse().withTransformers(NinjaOneApi.NAME)));
        server.stubFor(get(urlPathEqualTo(Endpoint.ORGANIZATIONS.path()))
                .willReturn(aResponse().withTransformers(NinjaOneApi.NAME)));
        server.stubFor(get(urlPathEqualTo(Endpoint.DEVICES.path()))
                .willReturn(aResponse().withTransformers(NinjaOneApi.NAME)));
        server.start();
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

    /** {@code http://localhost:<port>}: the connector's {@code base-url}; the token endpoint is below it. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public String clientId() {
        return settings.clientId();
    }

    public String clientSecret() {
        return settings.clientSecret();
    }

    /** Switches behaviour for the requests that follow; the failure cadence starts over. */
    public void mode(Mode mode) {
        faults.switchTo(Objects.requireNonNull(mode, "mode"));
        if (mode == Mode.TOKEN_EXPIRY) {
            tokens.resetUses();
        }
    }

    public Mode mode() {
        return faults.mode();
    }

    /** Every request answered so far, in arrival order. */
    public List<ServedRequest> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    public int requestCount(Endpoint endpoint) {
        return (int) requests().stream().filter(r -> r.endpoint() == endpoint).count();
    }

    public List<Instant> requestTimes(Endpoint endpoint) {
        return requests().stream()
                .filter(r -> r.endpoint() == endpoint)
                .map(ServedRequest::at)
                .toList();
    }

    /** Forgets the requests answered so far (not the tokens issued). */
    public void clearRequests() {
        log.clear();
    }

    /** The underlying server, for its request journal ({@code wireMock().getAllServeEvents()}). */
    public WireMockServer wireMock() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Settings beyond the data set; every one has a default. */
    public static final class Builder {
        private final NinjaOneData data;
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;
        private Duration tokenLifetime = Duration.ofSeconds(3600);
        private int throttleEvery = 3;
        private int flakyEvery = 3;
        private int tokenRequestLimit = 2;
        private Duration slowDelay = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();

        private Builder(NinjaOneData data) {
            this.data = Objects.requireNonNull(data, "data");
        }

        public Builder credentials(String id, String secret) {
            this.clientId = Objects.requireNonNull(id, "id");
            this.clientSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /** {@code expires_in} of issued tokens, and when they stop working (default 3600 s, as NinjaOne). */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = positive(lifetime, "token lifetime");
            return this;
        }

        /** N of {@link Mode#THROTTLE} (default 3). */
        public Builder throttleEvery(int n) {
            this.throttleEvery = atLeastOne(n, "throttleEvery");
            return this;
        }

        /** N of {@link Mode#FLAKY_5XX} (default 3). */
        public Builder flakyEvery(int n) {
            this.flakyEvery = atLeastOne(n, "flakyEvery");
            return this;
        }

        /** K of {@link Mode#TOKEN_EXPIRY}: data requests per token (default 2). */
        public Builder tokenRequestLimit(int k) {
            this.tokenRequestLimit = atLeastOne(k, "tokenRequestLimit");
            return this;
        }

        /** Delay of {@link Mode#SLOW} (default 1 s). */
        public Builder slowDelay(Duration delay) {
            this.slowDelay = positive(delay, "slow delay");
            return this;
        }

        /** The clock tokens expire by and requests are stamped with (default: system UTC). */
        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        public NinjaOneSimulator start() {
            return new NinjaOneSimulator(
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

        private static int atLeastOne(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value);
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
