package io.truecount.sim.halopsa;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.TokenOptions;
import io.truecount.sim.vendor.TokenStore;
import io.truecount.sim.vendor.VendorSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A HaloPSA instance on a local port: the auth server's {@code POST /auth/token[?tenant=]} (client credentials,
 * {@code scope=all}) and the API's {@code GET /api/Client}, {@code /api/Tickets} (with
 * {@code datesearch=lastactiondate&startdate=}) and {@code /api/Actions} (with {@code ticket_id} and
 * {@code excludesys}), paged with {@code pageinate=true&page_size&page_no} and {@code record_count}, served from a
 * {@link HaloData} set to callers with a live token and misbehaving as its {@link Mode} says. In
 * {@link Mode#MALFORMED_PAGE} page 2 of every actions listing is cut off. Tests change the data between syncs with
 * {@link #editAction}, {@link #deleteAction} and {@link #addAction}, stamped by the simulator's clock.
 *
 * <pre>{@code
 * try (HaloSimulator halo = HaloSimulator.start(msp)) {
 *     // point a halopsa connector at halo.apiUrl() with halo.clientId() and halo.clientSecret()
 * }
 * }</pre>
 */
public final class HaloSimulator extends VendorSimulator<Endpoint, ServedRequest> {

    public static final String DEFAULT_CLIENT_ID = "truecount-sim-halo-client";
    public static final String DEFAULT_CLIENT_SECRET = "truecount-sim-halo-secret";

    private final HaloData data;
    private final Settings settings;
    private final TokenStore tokens;

    private HaloSimulator(HaloData data, Settings settings, TokenStore tokens, Faults faults, List<ServedRequest> log) {
        super(
                new HaloApi(data, settings, tokens, faults, log),
                faults,
                log,
                ServedRequest::endpoint,
                List.of(
                        post(urlPathEqualTo(Endpoint.TOKEN.path())),
                        get(urlPathEqualTo(Endpoint.CLIENTS.path())),
                        get(urlPathEqualTo(Endpoint.TICKETS.path())),
                        get(urlPathEqualTo(Endpoint.ACTIONS.path()))));
        this.data = data;
        this.settings = settings;
        this.tokens = tokens;
    }

    /** Serves a generated MSP's tickets and time as Halo would hold them ({@link HaloData#from(SampleMsp)}). */
    public static HaloSimulator start(SampleMsp msp) {
        return builder(HaloData.from(msp)).start();
    }

    public static HaloSimulator start(HaloData data) {
        return builder(data).start();
    }

    public static Builder builder(HaloData data) {
        return new Builder(data);
    }

    /** {@code <baseUrl>/api}: the connector's {@code base-url}; its default auth URL is {@code <baseUrl>/auth}. */
    public String apiUrl() {
        return baseUrl() + "/api";
    }

    public String clientId() {
        return settings.clientId();
    }

    public String clientSecret() {
        return settings.clientSecret();
    }

    /** The tenant token requests must name; null when none. */
    public String tenant() {
        return settings.tenant();
    }

    public HaloData data() {
        return data;
    }

    /** Changes an action's time now: its {@code last_updated} and its ticket's {@code lastactiondate} move. */
    public void editAction(long ticketId, long actionId, String hours) {
        data.editAction(ticketId, actionId, new BigDecimal(hours), now());
    }

    /** Deletes an action; its ticket's {@code lastactiondate} stays where it was. */
    public void deleteAction(long ticketId, long actionId) {
        data.deleteAction(ticketId, actionId);
    }

    /** Logs a new billable action on the ticket now, for work done at {@code datetime}; returns its id. */
    public long addAction(long ticketId, String outcome, String who, Instant datetime, String hours) {
        return data.addAction(ticketId, outcome, who, datetime, new BigDecimal(hours), true, now())
                .id();
    }

    /** The tickets whose actions were listed one ticket at a time ({@code ticket_id}), in request order. */
    public List<Long> ticketsWhoseActionsWereRead() {
        return requests().stream()
                .filter(r -> r.endpoint() == Endpoint.ACTIONS && r.ticketId() != null && r.status() == 200)
                .map(ServedRequest::ticketId)
                .toList();
    }

    /** Switches behaviour for the requests that follow; the failure cadence and token use counts start over. */
    @Override
    public void mode(Mode mode) {
        super.mode(mode);
        tokens.resetUses();
    }

    private Instant now() {
        return settings.clock().instant();
    }

    /**
     * Settings beyond the data set; every one has a default. Tokens last an hour, as Halo's, and
     * {@link Mode#TOKEN_EXPIRY} allows 3 data requests per token.
     */
    public static final class Builder extends TokenOptions<Builder> {
        private final HaloData data;
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret = DEFAULT_CLIENT_SECRET;
        private String tenant;

        private Builder(HaloData data) {
            super(Duration.ofHours(1), 3);
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

        /** A Halo-hosted instance: token requests must carry {@code ?tenant=<tenant>}. */
        public Builder tenant(String name) {
            this.tenant = Objects.requireNonNull(name, "tenant");
            return this;
        }

        public HaloSimulator start() {
            Settings settings = new Settings(
                    clientId,
                    clientSecret,
                    tenant,
                    tokenLifetime,
                    throttleEvery,
                    flakyEvery,
                    tokenRequestLimit,
                    slowDelay,
                    clock);
            Faults faults = new Faults(
                    throttleEvery,
                    flakyEvery,
                    HaloApi.json(429, HaloJson.error("Too many requests, please slow down")),
                    HaloApi.json(500, HaloJson.error("An error has occurred.")));
            return new HaloSimulator(
                    data, settings, new TokenStore(clock, tokenLifetime), faults, VendorSimulator.newLog());
        }
    }
}
