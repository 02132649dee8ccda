package io.truecount.sim.autotask;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.vendor.FaultOptions;
import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.VendorSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An Autotask PSA REST API on a local port: zone discovery ({@code GET /atservicesrest/v1.0/zoneInformation}, which
 * points back at this host), {@code Tickets/entityInformation/fields}, and {@code POST /{Entity}/query} for
 * Companies, Tickets, Resources, BillingCodes and TimeEntries with the filter JSON, {@code MaxRecords} up to 500 and
 * absolute {@code nextPageUrl}s (followed with GET or POST), behind the {@code ApiIntegrationCode}/{@code UserName}/
 * {@code Secret} headers. The database's limit of 10,000 requests per rolling hour is kept (429 beyond it) and
 * {@link #requestsInLastHour()} shows how much of it a client used.
 *
 * <p>Modes: {@link Mode#THROTTLE} adds latency to every data request, as Autotask does above half of the hourly
 * limit, and answers every Nth with 429; {@link Mode#TOKEN_EXPIRY}, there being no token, rotates the API user's
 * secret after K data requests, after which every request answers 401; {@link Mode#MALFORMED_PAGE} cuts off the
 * second page of every time entry query; the others as {@link Mode} says.
 */
public final class AutotaskSimulator extends VendorSimulator<Endpoint, ServedRequest> {

    public static final String DEFAULT_USERNAME = "truecount-sim@msp.example";
    public static final String DEFAULT_SECRET = "truecount-sim-autotask-secret";
    public static final String DEFAULT_INTEGRATION_CODE = "TRUECOUNTSIMTRACKINGID";

    private final Settings settings;
    private final AutotaskApi api;
    private final AutotaskData data;

    private AutotaskSimulator(
            AutotaskData data, Settings settings, AutotaskApi api, Faults faults, List<ServedRequest> log) {
        super(
                api,
                faults,
                log,
                ServedRequest::endpoint,
                List.of(any(urlPathMatching("(?i)/atservicesrest/v1\\.0/.*"))));
        this.settings = settings;
        this.api = api;
        this.data = data;
    }

    private static AutotaskSimulator create(AutotaskData data, Settings settings) {
        Faults faults = new Faults(
                settings.throttleEvery(),
                settings.flakyEvery(),
                AutotaskApi.errors(429, "Thread threshold exceeded; try again later."),
                AutotaskApi.errors(500, "An unexpected error occurred."));
        List<ServedRequest> log = newLog();
        return new AutotaskSimulator(data, settings, new AutotaskApi(data, settings, faults, log), faults, log);
    }

    /** Serves a generated MSP as Autotask would hold it ({@link AutotaskData#from(SampleMsp)}). */
    public static AutotaskSimulator start(SampleMsp msp) {
        return builder(AutotaskData.from(msp)).start();
    }

    public static Builder builder(AutotaskData data) {
        return new Builder(data);
    }

    public String username() {
        return settings.username();
    }

    public String secret() {
        return settings.secret();
    }

    public String integrationCode() {
        return settings.integrationCode();
    }

    public AutotaskData data() {
        return data;
    }

    /** API requests (zone discovery excluded) in the hour before now on the simulator's clock. */
    public int requestsInLastHour() {
        return api.requestsInHourBefore(settings.clock().instant());
    }

    /** Changes an entry's hours now, on the simulator's clock. */
    public void editHours(long entryId, String hours) {
        data.editHours(entryId, hours, settings.clock().instant());
    }

    public void delete(long entryId) {
        data.delete(entryId);
    }

    /** Adds a billable entry by Ana Ruiz, created now; returns its id. */
    public long add(long ticketId, String workType, Instant start, String hours) {
        return data.add(ticketId, workType, start, hours, settings.clock().instant());
    }

    @Override
    public void mode(Mode mode) {
        super.mode(mode);
        api.modeSwitched();
    }

    /**
     * Settings beyond the data set; every one has a default. {@link Mode#THROTTLE} adds 20 ms; {@link
     * Mode#TOKEN_EXPIRY} lets 3 data requests through.
     */
    public static final class Builder extends FaultOptions<Builder> {
        private final AutotaskData data;
        private String username = DEFAULT_USERNAME;
        private String secret = DEFAULT_SECRET;
        private String integrationCode = DEFAULT_INTEGRATION_CODE;
        private int hourlyLimit = 10_000;
        private Duration throttleLatency = Duration.ofMillis(20);
        private int secretRequestLimit = 3;

        private Builder(AutotaskData data) {
            this.data = Objects.requireNonNull(data, "data");
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Builder credentials(String user, String apiSecret, String trackingId) {
            this.username = Objects.requireNonNull(user, "user");
            this.secret = Objects.requireNonNull(apiSecret, "apiSecret");
            this.integrationCode = Objects.requireNonNull(trackingId, "trackingId");
            return this;
        }

        /** Requests per rolling hour before 429 (Autotask: 10,000 per database). */
        public Builder hourlyLimit(int limit) {
            this.hourlyLimit = atLeastOne(limit, "hourlyLimit");
            return this;
        }

        public Builder throttleLatency(Duration latency) {
            this.throttleLatency = positive(latency, "throttle latency");
            return this;
        }

        /** K of {@link Mode#TOKEN_EXPIRY}: data requests before the secret is rotated. */
        public Builder secretRequestLimit(int k) {
            this.secretRequestLimit = atLeastOne(k, "secretRequestLimit");
            return this;
        }

        public AutotaskSimulator start() {
            return create(
                    data,
                    new Settings(
                            username,
                            secret,
                            integrationCode,
                            hourlyLimit,
                            throttleLatency,
                            throttleEvery,
                            flakyEvery,
                            secretRequestLimit,
                            slowDelay,
                            clock));
        }
    }
}
