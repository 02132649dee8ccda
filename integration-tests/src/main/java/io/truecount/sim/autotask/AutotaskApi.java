package io.truecount.sim.autotask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.Reply;
import io.truecount.sim.vendor.VendorApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Autotask's answers: zone discovery, the ticket field picklists and entity queries with {@code nextPageUrl} paging,
 * behind the three authentication headers and the database's hourly request limit.
 */
final class AutotaskApi extends VendorApi {

    static final String NAME = "truecount-autotask-api";
    static final String ROOT = "/ATServicesRest/V1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AutotaskData data;
    private final Settings settings;
    private final Faults faults;
    private final List<ServedRequest> log;
    private final Deque<Instant> lastHour = new ArrayDeque<>();
    private int requestsInMode;

    AutotaskApi(AutotaskData data, Settings settings, Faults faults, List<ServedRequest> log) {
        super(NAME, settings.clock(), faults, settings.slowDelay());
        this.data = data;
        this.settings = settings;
        this.faults = faults;
        this.log = log;
    }

    static Reply json(int status, String body) {
        return Reply.of(status, "application/json; charset=utf-8", body);
    }

    static Reply errors(int status, String message) {
        return json(status, AutotaskJson.errors(message));
    }

    /** API requests in the hour before the instant, as the database counts them against its limit. */
    synchronized int requestsInHourBefore(Instant now) {
        forgetOld(now);
        return lastHour.size();
    }

    synchronized void modeSwitched() {
        requestsInMode = 0;
    }

    @Override
    protected Reply answer(Request request, String path, String query, Instant arrived) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith("/zoneinformation")) {
            Reply reply = zone(request);
            log.add(new ServedRequest(
                    Endpoint.ZONE_INFORMATION, method(request), path, arrived, reply.status(), 0, 0, ""));
            return reply;
        }
        Target target = Target.of(path);
        Served served = target == null
                ? new Served(errors(404, "No HTTP resource was found that matches the request URI."), 0, 0, "")
                : api(request, target, arrived);
        log.add(new ServedRequest(
                target == null ? null : target.endpoint,
                method(request),
                path,
                arrived,
                served.reply.status(),
                served.page,
                served.items,
                served.query));
        return served.reply;
    }

    private record Served(Reply reply, int page, int items, String query) {}

    /** What the path asks for: an entity's query, the page after one, or the ticket fields. */
    private record Target(Endpoint endpoint, String entity, boolean next) {
        static Target of(String path) {
            String lower = path.toLowerCase(Locale.ROOT);
            String root = ROOT.toLowerCase(Locale.ROOT) + "/";
            if (!lower.startsWith(root)) {
                return null;
            }
            String[] parts = path.substring(root.length()).split("/");
            if (parts.length == 3
                    && parts[0].equalsIgnoreCase("Tickets")
                    && parts[1].equalsIgnoreCase("entityInformation")
                    && parts[2].equalsIgnoreCase("fields")) {
                return new Target(Endpoint.TICKET_FIELDS, "Tickets", false);
            }
            Endpoint endpoint = Endpoint.ofEntity(parts[0]);
            if (endpoint == null || parts.length < 2 || !parts[1].equalsIgnoreCase("query")) {
                return null;
            }
            if (parts.length == 2) {
                return new Target(endpoint, parts[0], false);
            }
            return parts.length == 3 && parts[2].equalsIgnoreCase("next") ? new Target(endpoint, parts[0], true) : null;
        }
    }

    private Reply zone(Request request) {
        String user = parameter(request, "user");
        if (user == null || !user.equalsIgnoreCase(settings.username())) {
            return errors(404, "Zone information could not be determined for user " + user);
        }
        String base = absoluteBase(request);
        String host = base.substring(0, base.toLowerCase(Locale.ROOT).indexOf("/atservicesrest"));
        return json(200, AutotaskJson.zone(host + "/ATServicesRest/"));
    }

    private Served api(Request request, Target target, Instant arrived) {
        int inHour = count(arrived);
        if (!settings.integrationCode().equals(request.getHeader("ApiIntegrationCode"))
                || !settings.username().equalsIgnoreCase(String.valueOf(request.getHeader("UserName")))
                || !settings.secret().equals(request.getHeader("Secret"))) {
            return new Served(errors(401, "User is not authorized for this request."), 0, 0, "");
        }
        if (inHour > settings.hourlyLimit()) {
            return new Served(
                    errors(429, "Request limit exceeded: " + settings.hourlyLimit() + " requests per hour."), 0, 0, "");
        }
        if (secretRotated()) {
            // Header auth has no token to expire: the closest real event is the secret being rotated mid-run.
            return new Served(errors(401, "User is not authorized for this request."), 0, 0, "");
        }
        Reply failure = faults.nextDataRequest();
        if (failure != null) {
            return new Served(failure, 0, 0, "");
        }
        if (faults.mode() == Mode.THROTTLE) {
            pause();
        }
        if (target.endpoint == Endpoint.TICKET_FIELDS) {
            return new Served(json(200, AutotaskJson.ticketFields()), 0, 0, "");
        }
        try {
            return query(request, target);
        } catch (Query.Refused refused) {
            return new Served(errors(400, refused.getMessage()), 0, 0, "");
        }
    }

    private Served query(Request request, Target target) {
        JsonNode body;
        Pages.Position after = Pages.Position.START;
        int page = 1;
        if (target.next) {
            ObjectNode paging = paging(parameter(request, "paging"));
            body = paging.path("query");
            JsonNode key = paging.path("afterKey");
            after = new Pages.Position(
                    key.isTextual() ? Instant.parse(key.asText()) : null,
                    paging.path("after").asLong());
            page = paging.path("page").asInt();
        } else if (request.getMethod().value().equals("POST")) {
            body = read(request.getBodyAsString());
        } else {
            throw new Query.Refused("Use POST for a query with a body.");
        }
        Table<? extends Row> table = table(target.endpoint);
        Query query = Query.parse(body, table.fields());
        int number = page;
        Pages.Position from = after;
        return data.locked(() -> {
            Pages.Page<? extends Row> found = Pages.find(table, query, from);
            if (found.more() && !query.includeFields.isEmpty() && !query.includeFields.contains("id")) {
                throw new Query.Refused("IncludeFields must contain id when a query returns more than one page.");
            }
            String next = found.more() ? nextUrl(request, target, body, found.last(), number + 1) : null;
            Reply reply = json(200, AutotaskJson.page(found.rows(), query.includeFields, next));
            if (faults.mode() == Mode.MALFORMED_PAGE && target.endpoint == Endpoint.TIME_ENTRIES && number == 2) {
                reply = reply.cutOff();
            }
            return new Served(reply, number, found.rows().size(), body.toString());
        });
    }

    private Table<? extends Row> table(Endpoint endpoint) {
        return switch (endpoint) {
            case COMPANIES -> data.companies;
            case TICKETS -> data.tickets;
            case RESOURCES -> data.resources;
            case BILLING_CODES -> data.billingCodes;
            default -> data.timeEntries;
        };
    }

    /** Absolute, on the simulator's host, with the query and position in an opaque {@code paging} parameter. */
    private static String nextUrl(Request request, Target target, JsonNode body, Pages.Position last, int page) {
        String base = absoluteBase(request);
        String root = base.substring(0, base.toLowerCase(Locale.ROOT).indexOf("/atservicesrest"));
        ObjectNode paging = JSON.createObjectNode();
        paging.put("after", last.id());
        if (last.key() != null) {
            paging.put("afterKey", last.key().toString());
        }
        paging.put("page", page);
        paging.set("query", body);
        String token = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(paging.toString().getBytes(StandardCharsets.UTF_8));
        return root + ROOT + "/" + target.entity + "/query/next?paging=" + token;
    }

    private static ObjectNode paging(String token) {
        if (token == null) {
            throw new Query.Refused("The paging parameter is missing.");
        }
        try {
            JsonNode node = read(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new Query.Refused("The paging parameter is invalid.");
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new Query.Refused("The request body is not valid JSON.");
        }
    }

    private synchronized int count(Instant arrived) {
        forgetOld(arrived);
        lastHour.addLast(arrived);
        return lastHour.size();
    }

    private synchronized boolean secretRotated() {
        if (faults.mode() != Mode.TOKEN_EXPIRY) {
            return false;
        }
        requestsInMode++;
        return requestsInMode > settings.secretRequestLimit();
    }

    private void pause() {
        try {
            Thread.sleep(settings.throttleLatency().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forgetOld(Instant now) {
        Instant start = now.minusSeconds(3600);
        while (!lastHour.isEmpty() && !lastHour.peekFirst().isAfter(start)) {
            lastHour.removeFirst();
        }
    }

    private static String method(Request request) {
        return request.getMethod().value();
    }
}
