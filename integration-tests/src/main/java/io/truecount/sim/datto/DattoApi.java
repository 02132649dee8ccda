package io.truecount.sim.datto;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers the simulated endpoints from the in-memory data set: one WireMock transformer instead of a stub per page,
 * so any page size and page works against thousands of devices.
 */
final class DattoApi implements ResponseDefinitionTransformerV2 {

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
        this.data = data;
        this.settings = settings;
        this.tokens = tokens;
        this.faults = faults;
        this.log = log;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        Instant arrived = settings.clock().instant();
        String[] pathAndQuery = request.getUrl().split("\\?", 2);
        Endpoint endpoint = Endpoint.ofPath(pathAndQuery[0]);
        Reply reply = endpoint == Endpoint.TOKEN ? token(request) : records(endpoint, pathAndQuery[0], request);
        log.add(new ServedRequest(
                endpoint, pathAndQuery[0], arrived, reply.status(), pathAndQuery.length > 1 ? pathAndQuery[1] : ""));
        return reply.toDefinition(faults.mode() == Mode.SLOW ? settings.slowDelay() : Duration.ZERO);
    }

    /** {@code POST /auth/oauth/token}: password grant, API key and secret, Basic {@code public-client:public}. */
    private Reply token(Request request) {
        if (!PUBLIC_CLIENT.equals(request.getHeader("Authorization"))) {
            return Reply.oauthError(401, "unauthorized", "Full authentication is required to access this resource");
        }
        Map<String, String> form = form(request.getBodyAsString());
        if (!"password".equals(form.get("grant_type"))) {
            return Reply.oauthError(400, "unsupported_grant_type", "Unsupported grant type");
        }
        if (!settings.apiKey().equals(form.get("username"))
                || !settings.apiSecret().equals(form.get("password"))) {
            return Reply.oauthError(400, "invalid_grant", "Bad credentials");
        }
        return Reply.json(
                200, DattoJson.token(tokens.issue(), settings.tokenLifetime().toSeconds()));
    }

    private Reply records(Endpoint endpoint, String path, Request request) {
        Integer useLimit = faults.mode() == Mode.TOKEN_EXPIRY ? settings.tokenRequestLimit() : null;
        if (!tokens.authorize(request.getHeader("Authorization"), useLimit)) {
            return Reply.oauthError(401, "invalid_token", "Invalid access token");
        }
        Reply failure = faults.nextDataRequest();
        if (failure != null) {
            return failure;
        }
        Paging paging = Paging.of(request);
        if (paging == null) {
            return Reply.apiError(400, "Bad Request", "Invalid paging parameters");
        }
        List<String> rows = endpoint == Endpoint.SITES ? data.sites() : data.devices(Endpoint.siteUidOf(path));
        if (rows == null) {
            return Reply.apiError(404, "Not Found", "Site not found");
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
        if (endpoint == Endpoint.SITE_DEVICES && faults.mode() == Mode.MALFORMED_PAGE && paging.page() == 1) {
            return Reply.json(200, json.substring(0, json.length() / 2));
        }
        return Reply.json(200, json);
    }

    /** Datto's page links are absolute URLs on its own host. */
    private static String link(Request request, int page, int max) {
        String absolute = request.getAbsoluteUrl();
        int query = absolute.indexOf('?');
        String base = query < 0 ? absolute : absolute.substring(0, query);
        return base + "?max=" + max + "&page=" + page;
    }

    /** Datto's paging parameters: 0-based {@code page}, {@code max} capped at 250. */
    private record Paging(int page, int max) {

        /** Null when a parameter is not a number, the page is negative or the size below 1. */
        static Paging of(Request request) {
            try {
                String page = value(request.queryParameter("page"));
                String max = value(request.queryParameter("max"));
                int number = page == null ? 0 : Integer.parseInt(page);
                int size = max == null ? MAX_PAGE_SIZE : (int) Math.min(Long.parseLong(max), MAX_PAGE_SIZE);
                return number < 0 || size < 1 ? null : new Paging(number, size);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static String value(QueryParameter parameter) {
            return parameter == null || !parameter.isPresent()
                    ? null
                    : parameter.firstValue().trim();
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (!kv[0].isEmpty()) {
                form.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        return form;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
