package io.truecount.sim.datto;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import io.truecount.sim.msp.SampleMsp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A Datto RMM API on a local port: the password-grant token endpoint, {@code GET /api/v2/account/sites} and
 * {@code GET /api/v2/site/{siteUid}/devices}, served from a {@link DattoData} set to callers with a live token,
 * misbehaving as its {@link Mode} says.
 *
 * <pre>{@code
 * try (DattoSimulator datto = DattoSimulator.start(msp)) {
 *     datto.mode(Mode.THROTTLE);
 *     // point a datto-rmm connector at datto.baseUrl() with datto.apiKey() and datto.apiSecret()
 * }
 * }</pre>
 */
public final class DattoSimulator implements AutoCloseable {

    public static final String DEFAULT_API_KEY = "TRUECOUNTSIMKEY";
    public static final String DEFAULT_API_SECRET = "truecount-sim-datto-secret";

    private final Settings settings;
    private final TokenStore tokens;
    private final Faults faults;
    private final List<ServedRequest> log = Collections.synchronizedList(new ArrayList<>());
    private final WireMockServer server;

    private DattoSimulator(DattoData data, Settings settings) {
        this.settings = settings;
        this.tokens = new TokenStore(settings.clock(), settings.tokenLifetime());
        this.faults = new Faults(settings.throttleEvery(), settings.flakyEvery(), settings.clock());
        DattoApi api = new DattoApi(data, settings, tokens, faults, log);
        this.server = new WireMockServer(options()
                .dynamicPort()
                .extensions(api)
                .maxRequestJournalEntries(10_000)
                .notifier(new ConsoleNotifier(false)));
        server.stubFor(post(urlPathEqualTo(Endpoint.TOKEN.path()))
                .willReturn(aResponse().withTransformers(DattoApi.NAME)));
        server.stubFor(get(urlPathEqualTo(Endpoint.SITES.path()))
                .willReturn(aResponse().withTransformers(DattoApi.NAME)));
        server.stubFor(get(urlPathMatching("/api/v2/site/[^/]+/devices"))
                .willReturn(aResponse().withTransformers(DattoApi.NAME)));
        server.start();
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

    /** {@code http://localhost:<port>}: the connector's {@code base-url}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public String apiKey() {
        return settings.apiKey();
    }

    public String apiSecret() {
        return settings.apiSecret();
    }

    /** Switches behaviour for the requests that follow; the failure cadence and token use counts start over. */
    public void mode(Mode mode) {
        faults.switchTo(Objects.requireNonNull(mode, "mode"));
        tokens.resetUses();
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

    public void clearRequests() {
        log.clear();
    }

    public WireMockServer wireMock() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Settings beyond the data set; every one has a default. */
    public static final class Builder {
        private final DattoData data;
        private String apiKey = DEFAULT_API_KEY;
        private String apiSecret = DEFAULT_API_SECRET;
        // Datto's tokens last about 100 hours (vendor-apis.md §1.2).
        private Duration tokenLifetime = Duration.ofHours(100);
        private int throttleEvery = 3;
        private int flakyEvery = 3;
        private int tokenRequestLimit = 3;
        private Duration slowDelay = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();

        private Builder(DattoData data) {
            this.data = Objects.requireNonNull(data, "data");
        }

        public Builder credentials(String key, String secret) {
            this.apiKey = Objects.requireNonNull(key, "key");
            this.apiSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("token lifetime must be positive, got " + lifetime);
            }
            this.tokenLifetime = lifetime;
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

        /** K of {@link Mode#TOKEN_EXPIRY} (default 3). */
        public Builder tokenRequestLimit(int k) {
            this.tokenRequestLimit = atLeastOne(k, "tokenRequestLimit");
            return this;
        }

        /** Delay of {@link Mode#SLOW} (default 1 s). */
        public Builder slowDelay(Duration delay) {
            if (delay == null || delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("slow delay must be positive, got " + delay);
            }
            this.slowDelay = delay;
            return this;
        }

        /** The clock of token expiry, the IP block and request stamps (default: system UTC). */
        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        public DattoSimulator start() {
            return new DattoSimulator(
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

        private static int atLeastOne(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value);
            }
            return value;
        }
    }
}
