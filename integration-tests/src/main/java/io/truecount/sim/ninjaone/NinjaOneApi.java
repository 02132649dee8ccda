package io.truecount.sim.ninjaone;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers the simulated endpoints from the in-memory data set: one WireMock transformer instead of a stub per page,
 * so any page size and cursor works against thousands of devices.
 */
final class NinjaOneApi implements ResponseDefinitionTransformerV2 {

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
        Reply reply = endpoint == Endpoint.TOKEN ? token(request) : records(endpoint, request);
        log.add(new ServedRequest(endpoint, arrived, reply.status(), pathAndQuery.length > 1 ? pathAndQuery[1] : ""));
        return reply.toDefinition(faults.mode() == Mode.SLOW ? settings.slowDelay() : Duration.ZERO);
    }

    /** {@code POST /ws/oauth/token}, form-encoded client credentials (vendor-apis.md §1.1, Auth). */
    private Reply token(Request request) {
        Map<String, String> form = form(request.getBodyAsString());
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return Reply.error(400, "unsupported_grant_type");
        }
        if (!settings.clientId().equals(form.get("client_id"))
                || !settings.clientSecret().equals(form.get("client_secret"))) {
            return Reply.error(401, "invalid_client");
        }
        String scope = form.getOrDefault("scope", "monitoring");
        return Reply.json(
                200, NinjaOneJson.token(tokens.issue(), settings.tokenLifetime().toSeconds(), scope));
    }

    private Reply records(Endpoint endpoint, Request request) {
        Integer useLimit = faults.mode() == Mode.TOKEN_EXPIRY ? settings.tokenRequestLimit() : null;
        if (!tokens.authorize(request.getHeader("Authorization"), useLimit)) {
            return Reply.error(401, "invalid_token").withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        Reply failure = faults.nextDataRequest();
        if (failure != null) {
            return failure;
        }
        Paging paging = Paging.of(request);
        if (paging == null) {
            return Reply.error(400, "invalid_parameter");
        }
        JsonRows.Page page = data.rows(endpoint).page(paging.after(), paging.size());
        if (endpoint == Endpoint.DEVICES
                && faults.mode() == Mode.MALFORMED_PAGE
                && page.startIndex() == paging.size()) {
            return Reply.json(200, page.json().substring(0, page.json().length() / 2));
        }
        return Reply.json(200, page.json());
    }

    /** NinjaOne's cursor parameters: {@code after} is the last id seen, {@code pageSize} the rows wanted. */
    private record Paging(Long after, int size) {

        /** Null when a parameter is not a number or the page size is below 1. */
        static Paging of(Request request) {
            try {
                String after = value(request.queryParameter("after"));
                String pageSize = value(request.queryParameter("pageSize"));
                int size = pageSize == null ? MAX_PAGE_SIZE : (int) Math.min(Long.parseLong(pageSize), MAX_PAGE_SIZE);
                return size < 1 ? null : new Paging(after == null ? null : Long.parseLong(after), size);
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
