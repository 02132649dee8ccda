package io.truecount.sim.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.IdempotencyKeys;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.Reply;
import io.truecount.sim.vendor.TokenStore;
import io.truecount.sim.vendor.VendorApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Xero's answers. A data request is checked in Xero's order: token, tenant, rate limit, then the mode's faults; in
 * {@link Mode#FAIL_5XX} and {@link Mode#FLAKY_5XX} a write is applied before its 5xx (the answer is lost on the way
 * back, as when a gateway gives up on a slow backend), so a client that repeats it under the same
 * {@code Idempotency-Key} gets the first answer and no second invoice.
 */
final class XeroApi extends VendorApi {

    static final String NAME = "truecount-xero-api";

    private final Settings settings;
    private final TokenStore tokens;
    private final Faults faults;
    private final RateWindow window;
    private final XeroLedger ledger;
    private final IdempotencyKeys keys;
    private final List<ServedRequest> log;

    XeroApi(
            Settings settings,
            TokenStore tokens,
            Faults faults,
            RateWindow window,
            XeroLedger ledger,
            IdempotencyKeys keys,
            List<ServedRequest> log) {
        super(NAME, settings.clock(), faults, settings.slowDelay());
        this.settings = settings;
        this.tokens = tokens;
        this.faults = faults;
        this.window = window;
        this.ledger = ledger;
        this.keys = keys;
        this.log = log;
    }

    static Reply json(int status, String body) {
        return Reply.of(status, "application/json; charset=utf-8", body);
    }

    @Override
    protected Reply answer(Request request, String path, String query, Instant arrived) {
        Endpoint endpoint = Endpoint.of(request.getMethod().getName(), path);
        Reply reply = endpoint == Endpoint.TOKEN ? token(request) : data(endpoint, request, path, query, arrived);
        log.add(new ServedRequest(endpoint, arrived, reply.status(), query, request.getHeader("Idempotency-Key")));
        return reply;
    }

    /** Custom connections: client credentials in the form body or as Basic, grant {@code client_credentials}. */
    private Reply token(Request request) {
        Map<String, String> form = form(request.getBodyAsString());
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = request.getHeader("Authorization");
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = new String(
                            Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8)
                    .split(":", 2);
            id = pair[0];
            secret = pair.length > 1 ? pair[1] : "";
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return json(400, "{\"error\":\"unsupported_grant_type\"}");
        }
        if (!settings.clientId().equals(id) || !settings.clientSecret().equals(secret)) {
            return json(400, "{\"error\":\"invalid_client\"}");
        }
        return json(
                200,
                "{\"access_token\":\"" + tokens.issue() + "\",\"expires_in\":"
                        + settings.tokenLifetime().toSeconds()
                        + ",\"token_type\":\"Bearer\",\"scope\":\"accounting.transactions accounting.settings\"}");
    }

    private Reply data(Endpoint endpoint, Request request, String path, String query, Instant arrived) {
        Integer useLimit = faults.mode() == Mode.TOKEN_EXPIRY ? settings.tokenRequestLimit() : null;
        if (!tokens.authorize(request.getHeader("Authorization"), useLimit)) {
            return json(401, XeroJson.problem(401, "Unauthorized", "TokenExpired: token expired"));
        }
        if (!settings.tenantId().equalsIgnoreCase(String.valueOf(request.getHeader("xero-tenant-id")))) {
            return json(403, XeroJson.problem(403, "Forbidden", "AuthenticationUnsuccessful"));
        }
        RateWindow.Usage usage = window.take(arrived, faults.mode() == Mode.THROTTLE);
        if (usage.refused()) {
            return limited(json(429, XeroJson.problem(429, "Too Many Requests", "Rate limit exceeded")), usage)
                    .withHeader("Retry-After", Long.toString(usage.retryAfterSeconds()))
                    .withHeader("X-Rate-Limit-Problem", "minute");
        }
        List<String> problems = settings.conformance()
                .problems(request.getMethod().getName(), path, queryMap(query), headers(request), body(request));
        if (!problems.isEmpty()) {
            return limited(
                    json(
                            400,
                            XeroJson.postDataInvalid("Request does not conform to the Xero OpenAPI spec: "
                                    + String.join("; ", problems))),
                    usage);
        }
        Reply failure = faults.nextDataRequest();
        if (failure != null && !endpoint.isWrite()) {
            return failure;
        }
        Reply reply = limited(serve(endpoint, request, query, arrived), usage);
        return failure != null ? failure : reply;
    }

    private Reply serve(Endpoint endpoint, Request request, String query, Instant now) {
        return switch (endpoint) {
            case ORGANISATION -> json(200, XeroJson.organisation(now, settings.tenantId()));
            case GET_INVOICES -> invoices(request, now);
            case PUT_INVOICES, POST_INVOICES ->
                keys.answer(
                        request.getHeader("Idempotency-Key"),
                        endpoint + "?" + query + "\n" + body(request),
                        () -> create(request, endpoint == Endpoint.POST_INVOICES, now),
                        key -> json(
                                400,
                                XeroJson.validationException(List.of(XeroJson.element(
                                        XeroJson.MAPPER.createObjectNode(),
                                        List.of("Idempotency-Key '" + key
                                                + "' was already used with a different request"))))),
                        replayed -> replayed);
            case TOKEN -> throw new IllegalStateException("the token endpoint is not a data request");
        };
    }

    private Reply create(Request request, boolean update, Instant now) {
        JsonNode body;
        try {
            body = XeroJson.parse(body(request));
        } catch (IOException e) {
            return json(400, XeroJson.postDataInvalid("Invalid Json data"));
        }
        int unitDecimals = "4".equals(parameter(request, "unitdp")) ? 4 : 2;
        List<XeroLedger.Outcome> outcomes = ledger.create(body, unitDecimals, update);
        if (outcomes.stream().anyMatch(o -> !o.errors().isEmpty())) {
            List<ObjectNode> elements = new ArrayList<>();
            outcomes.forEach(o -> elements.add(XeroJson.element(XeroJson.invoice(o.invoice()), o.errors())));
            return json(400, XeroJson.validationException(elements));
        }
        return json(
                200,
                XeroJson.invoices(
                        now, outcomes.stream().map(XeroLedger.Outcome::invoice).toList()));
    }

    /** {@code GET /Invoices}: filtered by {@code InvoiceNumbers} and {@code IDs} (comma-separated), else all. */
    private Reply invoices(Request request, Instant now) {
        Set<String> numbers = csv(parameter(request, "InvoiceNumbers"));
        Set<String> ids = csv(parameter(request, "IDs"));
        List<SimInvoice> found = ledger.invoices().stream()
                .filter(i -> numbers.isEmpty() || numbers.contains(i.invoiceNumber()))
                .filter(i -> ids.isEmpty() || ids.contains(i.invoiceId()))
                .toList();
        Reply reply = json(200, XeroJson.invoices(now, found));
        return faults.mode() == Mode.MALFORMED_PAGE && "2".equals(parameter(request, "page")) ? reply.cutOff() : reply;
    }

    private static Reply limited(Reply reply, RateWindow.Usage usage) {
        return reply.withHeader("X-MinLimit-Remaining", Integer.toString(usage.minuteRemaining()))
                .withHeader("X-DayLimit-Remaining", Integer.toString(usage.dayRemaining()))
                .withHeader("X-AppMinLimit-Remaining", "9999");
    }

    private static Set<String> csv(String value) {
        return value == null ? Set.of() : Set.copyOf(Arrays.asList(value.split(",")));
    }

    private static String body(Request request) {
        return request.getBodyAsString() == null ? "" : request.getBodyAsString();
    }

    private static Map<String, String> headers(Request request) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.firstValue());
        }
        return headers;
    }

    private static Map<String, String> queryMap(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        form(query).forEach(params::putIfAbsent);
        return params;
    }
}
