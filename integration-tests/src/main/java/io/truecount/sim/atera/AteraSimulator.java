package io.truecount.sim.atera;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
 * An Atera API on a local port: {@code GET /api/v3/customers} and {@code GET /api/v3/agents}, served from an
 * {@link AteraData} set to callers with the right {@code X-API-KEY}, misbehaving as its {@link Mode} says.
 *
 * <pre>{@code
 * try (AteraSimulator atera = AteraSimulator.start(msp)) {
 *     atera.mode(Mode.THROTTLE);
 *     // point an atera connector at atera.baseUrl() with atera.apiKey()
 * }
 * }</pre>
 */
public final class AteraSimulator implements AutoCloseable {

    public static final String DEFAULT_API_KEY = "truecount-sim-atera-key";

    private final Settings settings;
    private final Faults faults;
    private final List<ServedRequest> log = Collections.synchronizedList(new ArrayList<>());
    private final WireMockServer server;

    private AteraSimulator(AteraData data, Settings settings) {
        this.settings = settings;
        this.faults = new Faults(settings.throttleEvery(), settings.flakyEvery());
        AteraApi api = new AteraApi(data, settings, faults, log);
        this.server = new WireMockServer(options()
                .dynamicPort()
                .extensions(api)
                .maxRequestJournalEntries(10_000)
                .notifier(new ConsoleNotifier(false)));
        for (Endpoint endpoint : Endpoint.values()) {
            server.stubFor(
                    get(urlPathEqualTo(endpoint.path())).willReturn(aResponse().withTransformers(AteraApi.NAME)));
        }
        server.start();
    }

    /** Serves a generated MSP's estate as Atera would hold it ({@link AteraData#from(SampleMsp)}). */
    public static AteraSimulator start(SampleMsp msp) {
        return builder(AteraData.from(msp)).start();
    }

    public static AteraSimulator start(AteraData data) {
        return builder(data).start();
    }

    public static Builder builder(AteraData data) {
        return new Builder(data);
    }

    /** {@code http://localhost:<port>}: the connector's {@code base-url}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public String apiKey() {
        return settings.apiKey();
    }

    /** Switches behaviour for the requests that follow; the failure cadence starts over. */
    public void mode(Mode mode) {
        faults.switchTo(Objects.requireNonNull(mode, "mode"));
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
        private final AteraData data;
        private String apiKey = DEFAULT_API_KEY;
        private int throttleEvery = 3;
        private int flakyEvery = 3;
        private Duration slowDelay = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();

        private Builder(AteraData data) {
            this.data = Objects.requireNonNull(data, "data");
        }

        public Builder apiKey(String key) {
            this.apiKey = Objects.requireNonNull(key, "key");
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

        /** Delay of {@link Mode#SLOW} (default 1 s). */
        public Builder slowDelay(Duration delay) {
            if (delay == null || delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("slow delay must be positive, got " + delay);
            }
            this.slowDelay = delay;
            return this;
        }

        /** The clock requests are stamped with (default: system UTC). */
        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        public AteraSimulator start() {
            return new AteraSimulator(data, new Settings(apiKey, throttleEvery, flakyEvery, slowDelay, clock));
        }

        private static int atLeastOne(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value);
            }
            return value;
        }
    }
}
