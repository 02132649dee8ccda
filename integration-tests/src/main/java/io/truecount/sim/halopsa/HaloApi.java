package io.truecount.sim.halopsa;

import com.github.tomakehurst.wiremock.http.Request;
import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.Reply;
import io.truecount.sim.vendor.TokenStore;
import io.truecount.sim.vendor.VendorApi;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * HaloPSA's answers: client-credentials tokens from the auth server, and the {@code Client}, {@code Tickets} and
 * {@code Actions} listings with {@code pageinate=true&page_size&page_no} paging.
 */
final class HaloApi extends VendorApi {

    static final String NAME = "truecount-halopsa-api";

    /** Records per page when {@code page_size} or, unpaged, {@code count} is not given. */
    static final int DEFAULT_PAGE_SIZE = 50;

    private final HaloData data;
    private final Settings settings;
    private final TokenStore tokens;
    private final Faults faults;
    private final List<ServedRequest> log;

    HaloApi(HaloData data, Settings settings, TokenStore tokens, Faults faults, List<ServedRequest> log) {
        super(NAME, settings.clock(), faults, settings.slowDelay());
        this.data = data;
        this.settings = settings;
        this.tokens = tokens;
        this.faults = faults;
        this.log = log;
    }

    static Reply json(int status, String body) {
        return Reply.of(status, "application/json; charset=utf-8", body);
    }

    @Override
    protected Reply answer(Request request, String path, String query, Instant arrived) {
        Endpoint endpoint = Endpoint.ofPath(path);
        Long ticketId = null;
        Reply reply;
        if (endpoint == Endpoint.TOKEN) {
            reply = token(request);
        } else {
            String ticket = parameter(request, "ticket_id");
            try {
                ticketId = endpoint == Endpoint.ACTIONS && ticket != null ? Long.valueOf(ticket) : null;
                reply = records(endpoint, request, ticketId);
            } catch (NumberFormatException e) {
                reply = json(400, HaloJson.error("ticket_id must be a number"));
            }
        }
        log.add(new ServedRequest(endpoint, arrived, reply.status(), query, ticketId));
        return reply;
    }

    /** {@code POST /auth/token[?tenant=]}: the client-credentials grant; IdentityServer-style errors. */
    private Reply token(Request request) {
        if (settings.tenant() != null && !settings.tenant().equals(parameter(request, "tenant"))) {
            return json(400, HaloJson.oauthError("invalid_request"));
        }
        Map<String, String> form = form(request.getBodyAsString());
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return json(400, HaloJson.oauthError("unsupported_grant_type"));
        }
        if (!settings.clientId().equals(form.get("client_id"))
                || !settings.clientSecret().equals(form.get("client_secret"))) {
            return json(400, HaloJson.oauthError("invalid_client"));
        }
        String scope = form.get("scope");
        if (scope != null && !scope.equals("all")) {
            return json(400, HaloJson.oauthError("invalid_scope"));
        }
        return json(200, HaloJson.token(tokens.issue(), settings.tokenLifetime().toSeconds()));
    }

    private Reply records(Endpoint endpoint, Request request, Long ticketId) {
        Integer useLimit = faults.mode() == Mode.TOKEN_EXPIRY ? settings.tokenRequestLimit() : null;
        if (!tokens.authorize(request.getHeader("Authorization"), useLimit)) {
            return Reply.of(401, "application/json; charset=utf-8", "")
                    .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        Reply failure = faults.nextDataRequest();
        if (failure != null) {
            return failure;
        }
        Paging paging = Paging.of(request);
        if (paging == null) {
            return json(400, HaloJson.error("page_size, page_no and count must be positive whole numbers"));
        }
        String body;
        switch (endpoint) {
            case CLIENTS ->
                body = HaloJson.page("clients", data.clients(paging.from(), paging.size()), HaloJson::client);
            case TICKETS -> {
                Instant since = null;
                if ("lastactiondate".equalsIgnoreCase(parameter(request, "datesearch"))) {
                    since = date(parameter(request, "startdate"));
                    if (since == null) {
                        return json(400, HaloJson.error("startdate must be a date-time"));
                    }
                }
                body = HaloJson.page("tickets", data.tickets(since, paging.from(), paging.size()), HaloJson::ticket);
            }
            default -> {
                boolean excludeSystem = "true".equalsIgnoreCase(parameter(request, "excludesys"));
                body = HaloJson.page(
                        "actions",
                        data.actions(ticketId, excludeSystem, paging.from(), paging.size()),
                        HaloJson::action);
            }
        }
        Reply reply = json(200, body);
        if (endpoint == Endpoint.ACTIONS && faults.mode() == Mode.MALFORMED_PAGE && paging.number() == 2) {
            return reply.cutOff();
        }
        return reply;
    }

    /** Halo's date search takes a date-time with or without offset (UTC), or a date. */
    private static Instant date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDateTime) {
                try {
                    return java.time.LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        }
    }

    /**
     * {@code pageinate=true} with 1-based {@code page_no} and {@code page_size}; without it, the first {@code count}
     * records.
     */
    private record Paging(int number, int size) {

        int from() {
            return (int) Math.min(Integer.MAX_VALUE, (long) (number - 1) * size);
        }

        /** Null when a parameter is not a positive number. */
        static Paging of(Request request) {
            try {
                if ("true".equalsIgnoreCase(parameter(request, "pageinate"))) {
                    String number = parameter(request, "page_no");
                    String size = parameter(request, "page_size");
                    Paging paging = new Paging(
                            number == null ? 1 : Integer.parseInt(number),
                            size == null ? DEFAULT_PAGE_SIZE : Integer.parseInt(size));
                    return paging.number() < 1 || paging.size() < 1 ? null : paging;
                }
                String count = parameter(request, "count");
                int size = count == null ? DEFAULT_PAGE_SIZE : Integer.parseInt(count);
                return size < 1 ? null : new Paging(1, size);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
