package io.truecount.sim.ninjaone;

import com.github.tomakehurst.wiremock.http.Request;
import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.Reply;
import io.truecount.sim.vendor.TokenStore;
import io.truecount.sim.vendor.VendorApi;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** NinjaOne's answers: client-credentials tokens and cursor-paged records as bare JSON arrays. */
final class NinjaOneApi extends VendorApi {

    static final String NAME = "truecount-ninjaone-api";

    /**
     * The largest page served. vendor-apis.md names neither a default nor a maximum page size for NinjaOne; an absent
     * {@code pageSize} gets the largest page.
     */
    static final int MAX_PAGE_SIZE = 1000;

    private final NinjaOneData data;
    private final Settings settings;
    private final TokenStore tokens;
    private final Faults faults;
    private final List<ServedRequest> log;

    NinjaOneApi(NinjaOneData data, Settings settings, TokenStore tokens, Faults faults, List<ServedRequest> log) {
        super(NAME, settings.clock(), faults, settings.slowDelay());
        this.data = data;
        this.settings = settings;
        this.tokens = tokens;
        this.faults = faults;
        this.log = log;
    }

    static Reply json(int status, String body) {
        return Reply.of(status, "application/json", body);
    }

    static Reply error(int status, String error) {
        return json(status, "{\"error\":\"" + error + "\"}");
    }

    @Override
    protected Reply answer(Request request, String path, String query, Instant arrived) {
        Endpoint endpoint = Endpoint.ofPath(path);
        Reply reply = endpoint == Endpoint.TOKEN ? token(request) : records(endpoint, request);
        log.add(new ServedRequest(endpoint, arrived, reply.status(), query));
        return reply;
    }

    /** {@code POST /ws/oauth/token}, form-encoded client credentials (vendor-apis.md §1.1, Auth). */
    private Reply token(Request request) {
        Map<String, String> form = form(request.getBodyAsString());
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return error(400, "unsupported_grant_type");
        }
        if (!settings.clientId().equals(form.get("client_id"))
                || !settings.clientSecret().equals(form.get("client_secret"))) {
            return error(401, "invalid_client");
        }
        String scope = form.getOrDefault("scope", "monitoring");
        return json(
                200, NinjaOneJson.token(tokens.issue(), settings.tokenLifetime().toSeconds(), scope));
    }

    private Reply records(Endpoint endpoint, Request request) {
        Integer useLimit = faults.mode() == Mode.TOKEN_EXPIRY ? settings.tokenRequestLimit() : null;
        if (!tokens.authorize(request.getHeader("Authorization"), useLimit)) {
            return error(401, "invalid_token").withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        Reply failure = faults.nextDataRequest();
        if (failure != null) {
            return failure;
        }
        Paging paging = Paging.of(request);
        if (paging == null) {
            return error(400, "invalid_parameter");
        }
        JsonRows.Page page = data.rows(endpoint).page(paging.after(), paging.size());
        Reply reply = json(200, page.json());
        if (endpoint == Endpoint.DEVICES
                && faults.mode() == Mode.MALFORMED_PAGE
                && page.startIndex() == paging.size()) {
            return reply.cutOff();
        }
        return reply;
    }

    /** NinjaOne's cursor parameters: {@code after} is the last id seen, {@code pageSize} the rows wanted. */
    private record Paging(Long after, int size) {

        /** Null when a parameter is not a number or the page size is below 1. */
        static Paging of(Request request) {
            try {
                String after = parameter(request, "after");
                String pageSize = parameter(request, "pageSize");
                int size = pageSize == null ? MAX_PAGE_SIZE : (int) Math.min(Long.parseLong(pageSize), MAX_PAGE_SIZE);
                return size < 1 ? null : new Paging(after == null ? null : Long.parseLong(after), size);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
