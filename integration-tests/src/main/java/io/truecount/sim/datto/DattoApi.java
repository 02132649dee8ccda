package io.truecount.sim.datto;

import com.github.tomakehurst.wiremock.http.Request;
import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.Reply;
import io.truecount.sim.vendor.TokenStore;
import io.truecount.sim.vendor.VendorApi;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Datto RMM's answers: password-grant tokens and sites and site devices in the {@code pageDetails} envelope. */
final class DattoApi extends VendorApi {

    static final String NAME = "truecount-datto-api";

    /** Datto's default and maximum page size ({@code GET /v2/system/pagination}, vendor-apis.md §1.2). */
    static final int MAX_PAGE_SIZE = 250;

    private static final String PUBLIC_CLIENT =
            "Basic " + Base64.getEncoder().encodeToString("public-client:public".getBytes(StandardCharsets.UTF_8));

    private final DattoData data;
    private final Settings settings;
    private final TokenStore tokens;
    private final Faults faults;
    private final List<ServedRequest> log;

    DattoApi(DattoData data, Settings settings, TokenStore tokens, Faults faults, List<ServedRequest> log) {
        super(NAME, settings.clock(), faults, settings.slowDelay());
        this.data = data;
        this.settings = settings;
        this.tokens = tokens;
        this.faults = faults;
        this.log = log;
    }

    static Reply json(int status, String body) {
        return Reply.of(status, "application/json;charset=UTF-8", body);
    }

    /** Datto's token endpoint (Spring Security OAuth2) answers errors as {@code error}/{@code error_description}. */
    static Reply oauthError(int status, String error, String description) {
        return json(status, "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
    }

    /** The API's own errors: a Spring Boot error body. */
    static Reply apiError(int status, String error, String message) {
        return json(status, "{\"status\":" + status + ",\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
    }

    @Override
    protected Reply answer(Request request, String path, String query, Instant arrived) {
        Endpoint endpoint = Endpoint.ofPath(path);
        Reply reply = endpoint == Endpoint.TOKEN ? token(request) : records(endpoint, path, request);
        log.add(new ServedRequest(endpoint, path, arrived, reply.status(), query));
        return reply;
    }

    /** {@code POST /auth/oauth/token}: password grant, API key and secret, Basic {@code public-client:public}. */
    private Reply token(Request request) {
        if (!PUBLIC_CLIENT.equals(request.getHeader("Authorization"))) {
            return oauthError(401, "unauthorized", "Full authentication is required to access this resource");
        }
        Map<String, String> form = form(request.getBodyAsString());
        if (!"password".equals(form.get("grant_type"))) {
            return oauthError(400, "unsupported_grant_type", "Unsupported grant type");
        }
        if (!settings.apiKey().equals(form.get("username"))
                || !settings.apiSecret().equals(form.get("password"))) {
            return oauthError(400, "invalid_grant", "Bad credentials");
        }
        return json(
                200, DattoJson.token(tokens.issue(), settings.tokenLifetime().toSeconds()));
    }

    private Reply records(Endpoint endpoint, String path, Request request) {
        Integer useLimit = faults.mode() == Mode.TOKEN_EXPIRY ? settings.tokenRequestLimit() : null;
        if (!tokens.authorize(request.getHeader("Authorization"), useLimit)) {
            return oauthError(401, "invalid_token", "Invalid access token");
        }
        Reply failure = faults.nextDataRequest();
        if (failure != null) {
            return failure;
        }
        Paging paging = Paging.of(request);
        if (paging == null) {
            return apiError(400, "Bad Request", "Invalid paging parameters");
        }
        List<String> rows = endpoint == Endpoint.SITES ? data.sites() : data.devices(Endpoint.siteUidOf(path));
        if (rows == null) {
            return apiError(404, "Not Found", "Site not found");
        }
        int from = (int) Math.min(rows.size(), (long) paging.page() * paging.max());
        int to = (int) Math.min(rows.size(), (long) from + paging.max());
        String json = DattoJson.page(
                endpoint == Endpoint.SITES ? "sites" : "devices",
                "[" + String.join(",", rows.subList(from, to)) + "]",
                to - from,
                rows.size(),
                paging.page() > 0 ? link(request, paging.page() - 1, paging.max()) : null,
                to < rows.size() ? link(request, paging.page() + 1, paging.max()) : null);
        Reply reply = json(200, json);
        if (endpoint == Endpoint.SITE_DEVICES && faults.mode() == Mode.MALFORMED_PAGE && paging.page() == 1) {
            return reply.cutOff();
        }
        return reply;
    }

    /** Datto's page links are absolute URLs on its own host. */
    private static String link(Request request, int page, int max) {
        return absoluteBase(request) + "?max=" + max + "&page=" + page;
    }

    /** Datto's paging parameters: 0-based {@code page}, {@code max} capped at 250. */
    private record Paging(int page, int max) {

        /** Null when a parameter is not a number, the page is negative or the size below 1. */
        static Paging of(Request request) {
            try {
                String page = parameter(request, "page");
                String max = parameter(request, "max");
                int number = page == null ? 0 : Integer.parseInt(page);
                int size = max == null ? MAX_PAGE_SIZE : (int) Math.min(Long.parseLong(max), MAX_PAGE_SIZE);
                return number < 0 || size < 1 ? null : new Paging(number, size);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
