package io.truecount.sim.connectwise;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.vendor.FaultOptions;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.VendorSimulator;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A ConnectWise PSA (Manage) REST API on a local port, below {@value #API_ROOT}: {@code /system/info},
 * {@code /company/companies}, {@code /time/entries} and {@code /service/tickets}, served from a
 * {@link ConnectWiseData} set to callers with the right Basic credentials and {@code clientId}, misbehaving as its
 * {@link Mode} says. In {@link Mode#MALFORMED_PAGE} every time-entries page after the first is cut off; in
 * {@link Mode#TOKEN_EXPIRY} a lone 401 answers every Kth data request ({@link CwFaults}). Entries can be edited,
 * deleted and added between syncs; {@link #requests()} shows what each sync fetched.
 *
 * <pre>{@code
 * try (ConnectWiseSimulator cw = ConnectWiseSimulator.start(msp)) {
 *     // point a connectwise-manage connector at cw.apiUrl() with cw's company, keys and clientId
 * }
 * }</pre>
 */
public final class ConnectWiseSimulator extends VendorSimulator<Endpoint, ServedRequest> {

    /** The codebase and API version path a cloud instance serves under. */
    public static final String API_ROOT = "/v4_6_release/apis/3.0";

    public static final String DEFAULT_COMPANY = "zylker";
    public static final String DEFAULT_PUBLIC_KEY = "SimPublicKey01";
    public static final String DEFAULT_PRIVATE_KEY = "truecount-sim-cw-private-key";
    public static final String DEFAULT_CLIENT_ID = "5e3b7c2a-0d4f-4a8e-9b1c-7f6a2d9e4c10";

    private final ConnectWiseData data;
    private final Settings settings;

    private ConnectWiseSimulator(ConnectWiseData data, Settings settings, CwFaults faults, List<ServedRequest> log) {
        super(new ConnectWiseApi(data, settings, faults, log), faults, log, ServedRequest::endpoint, routes());
        this.data = data;
        this.settings = settings;
    }

    private static List<MappingBuilder> routes() {
        return Arrays.stream(Endpoint.values())
                .map(endpoint -> get(urlPathEqualTo(endpoint.path())))
                .toList();
    }

    /** Serves a generated MSP as ConnectWise would hold it ({@link ConnectWiseData#from(SampleMsp)}). */
    public static ConnectWiseSimulator start(SampleMsp msp) {
        return builder(ConnectWiseData.from(msp)).start();
    }

    public static ConnectWiseSimulator start(ConnectWiseData data) {
        return builder(data).start();
    }

    public static Builder builder(ConnectWiseData data) {
        return new Builder(data);
    }

    /** The connector's {@code base-url}: the host with the codebase and API version path. */
    public String apiUrl() {
        return baseUrl() + API_ROOT;
    }

    public String company() {
        return settings.company();
    }

    public String publicKey() {
        return settings.publicKey();
    }

    public String privateKey() {
        return settings.privateKey();
    }

    public String clientId() {
        return settings.clientId();
    }

    public ConnectWiseData data() {
        return data;
    }

    /** A member changes an entry's hours now (on the simulator's clock), which moves its {@code lastUpdated}. */
    public SimEntry editEntry(long id, BigDecimal hours) {
        return data.edit(id, hours, settings.clock().instant());
    }

    public void deleteEntry(long id) {
        data.delete(id);
    }

    public void addEntry(SimEntry entry) {
        data.add(entry);
    }

    /** Settings beyond the data set; every one has a default. */
    public static final class Builder extends FaultOptions<Builder> {
        private final ConnectWiseData data;
        private String company = DEFAULT_COMPANY;
        private String publicKey = DEFAULT_PUBLIC_KEY;
        private String privateKey = DEFAULT_PRIVATE_KEY;
        private String clientId = DEFAULT_CLIENT_ID;
        private int authBlipEvery = 4;

        private Builder(ConnectWiseData data) {
            this.data = Objects.requireNonNull(data, "data");
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Builder credentials(String company, String publicKey, String privateKey, String clientId) {
            this.company = Objects.requireNonNull(company, "company");
            this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
            this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
            this.clientId = Objects.requireNonNull(clientId, "clientId");
            return this;
        }

        /** K of {@link Mode#TOKEN_EXPIRY} (default 4). */
        public Builder authBlipEvery(int k) {
            this.authBlipEvery = atLeastOne(k, "authBlipEvery");
            return this;
        }

        public ConnectWiseSimulator start() {
            Settings settings = new Settings(
                    company,
                    publicKey,
                    privateKey,
                    clientId,
                    throttleEvery,
                    flakyEvery,
                    authBlipEvery,
                    slowDelay,
                    clock);
            CwFaults faults = new CwFaults(throttleEvery, flakyEvery, authBlipEvery);
            return new ConnectWiseSimulator(data, settings, faults, newLog());
        }
    }
}
