package io.truecount.sim.atera;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.vendor.FaultOptions;
import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.VendorSimulator;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An Atera API on a local port: {@code GET /api/v3/customers} and {@code GET /api/v3/agents}, served from an
 * {@link AteraData} set to callers with the right {@code X-API-KEY}, misbehaving as its {@link Mode} says. Every
 * request is a data request; Atera has no token endpoint, so there is no {@link Mode#TOKEN_EXPIRY}. In
 * {@link Mode#MALFORMED_PAGE} the second agents page is cut off.
 *
 * <pre>{@code
 * try (AteraSimulator atera = AteraSimulator.start(msp)) {
 *     atera.mode(Mode.THROTTLE);
 *     // point an atera connector at atera.baseUrl() with atera.apiKey()
 * }
 * }</pre>
 */
public final class AteraSimulator extends VendorSimulator<Endpoint, ServedRequest> {

    public static final String DEFAULT_API_KEY = "truecount-sim-atera-key";

    private final Settings settings;

    private AteraSimulator(AteraData data, Settings settings, Faults faults, List<ServedRequest> log) {
        super(new AteraApi(data, settings, faults, log), faults, log, ServedRequest::endpoint, routes());
        this.settings = settings;
    }

    private static List<MappingBuilder> routes() {
        return Arrays.stream(Endpoint.values())
                .map(endpoint -> get(urlPathEqualTo(endpoint.path())))
                .toList();
    }

    private static AteraSimulator create(AteraData data, Settings settings) {
        Faults faults = new Faults(
                settings.throttleEvery(),
                settings.flakyEvery(),
                AteraApi.error(429, "Too many requests"),
                AteraApi.error(500, "An error has occurred."));
        return new AteraSimulator(data, settings, faults, newLog());
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

    public String apiKey() {
        return settings.apiKey();
    }

    /** Switches behaviour for the requests that follow; the failure cadence starts over. */
    @Override
    public void mode(Mode mode) {
        if (mode == Mode.TOKEN_EXPIRY) {
            throw new IllegalArgumentException("Atera has no tokens to expire: it authenticates with X-API-KEY");
        }
        super.mode(mode);
    }

    /** Settings beyond the data set; every one has a default. */
    public static final class Builder extends FaultOptions<Builder> {
        private final AteraData data;
        private String apiKey = DEFAULT_API_KEY;

        private Builder(AteraData data) {
            this.data = Objects.requireNonNull(data, "data");
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Builder apiKey(String key) {
            this.apiKey = Objects.requireNonNull(key, "key");
            return this;
        }

        public AteraSimulator start() {
            return create(data, new Settings(apiKey, throttleEvery, flakyEvery, slowDelay, clock));
        }
    }
}
