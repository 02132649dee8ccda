package io.truecount.sim.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.TokenOptions;
import io.truecount.sim.vendor.VendorSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Microsoft 365 on a local port: Entra ID's token endpoint per tenant ({@code POST /{tenant}/oauth2/v2.0/token}) and
 * Graph's {@code /v1.0/tenantRelationships/delegatedAdminCustomers}, {@code /v1.0/subscribedSkus} and
 * {@code /v1.0/users/delta}, served from a {@link GraphData} set. Point a connector's {@code login-url} and
 * {@code base-url} both at {@link #baseUrl()}. Data requests are Graph's; in {@link Mode#MALFORMED_PAGE} the second
 * page of every user listing is cut off.
 *
 * <pre>{@code
 * try (GraphSimulator graph = GraphSimulator.start(msp)) {
 *     graph.data().tenant(tenantId).consent(Consent.REVOKED);
 *     // point a microsoft-graph connector at graph.baseUrl() with graph.clientId() and graph.clientSecret()
 * }
 * }</pre>
 */
public final class GraphSimulator extends VendorSimulator<Endpoint, ServedRequest> {

    public static final String DEFAULT_CLIENT_ID = "6f1c2f0e-5a4b-4c3d-9e8f-truecount-app";
    public static final String DEFAULT_CLIENT_SECRET = "truecount-sim-graph-secret";

    private final GraphData data;
    private final Settings settings;
    private final GraphTokens tokens;

    private GraphSimulator(
            GraphData data, Settings settings, GraphTokens tokens, Faults faults, List<ServedRequest> log) {
        super(
                new GraphApi(data, settings, tokens, faults, log),
                faults,
                log,
                ServedRequest::endpoint,
                List.of(
                        post(urlPathMatching("/[^/]+/oauth2/v2\\.0/token")),
                        get(urlPathEqualTo(Endpoint.DELEGATED_ADMIN_CUSTOMERS.path())),
                        get(urlPathEqualTo(Endpoint.SUBSCRIBED_SKUS.path())),
                        get(urlPathEqualTo(Endpoint.USERS_DELTA.path()))));
        this.data = data;
        this.settings = settings;
        this.tokens = tokens;
    }

    /** Serves a generated MSP's tenants ({@link GraphData#from(SampleMsp)}). */
    public static GraphSimulator start(SampleMsp msp) {
        return builder(GraphData.from(msp)).start();
    }

    public static GraphSimulator start(GraphData data) {
        return builder(data).start();
    }

    public static Builder builder(GraphData data) {
        return new Builder(data);
    }

    /** The data served, live: change it between syncs. */
    public GraphData data() {
        return data;
    }

    public String clientId() {
        return settings.clientId();
    }

    public String clientSecret() {
        return settings.clientSecret();
    }

    public String partnerTenantId() {
        return data.partnerTenantId();
    }

    /** Requests Graph answered (tokens excluded): what the delta criterion counts. */
    public int graphRequestCount() {
        return (int) requests().stream().filter(r -> r.endpoint().isGraph()).count();
    }

    /** Switches behaviour for the requests that follow; the failure cadence and token use counts start over. */
    @Override
    public void mode(Mode mode) {
        super.mode(mode);
        tokens.resetUses();
    }

    /**
     * Settings beyond the data set; every one has a default. Tokens last 3599 s, as Entra ID's, and
     * {@link Mode#TOKEN_EXPIRY} allows 3 data requests per token.
     */
    public static final class Builder extends TokenOptions<Builder> {
        private final GraphData data;
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;

        private Builder(GraphData data) {
            super(Duration.ofSeconds(3599), 3);
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

        public GraphSimulator start() {
            Settings settings = new Settings(
                    clientId,
                    clientSecret,
                    tokenLifetime,
                    throttleEvery,
                    flakyEvery,
                    tokenRequestLimit,
                    slowDelay,
                    clock);
            Faults faults = new Faults(
                    throttleEvery,
                    flakyEvery,
                    GraphApi.graphError(429, "TooManyRequests", "Too many requests."),
                    GraphApi.graphError(500, "generalException", "An unexpected error occurred."));
            return new GraphSimulator(data, settings, new GraphTokens(clock, tokenLifetime), faults, newLog());
        }
    }
}
