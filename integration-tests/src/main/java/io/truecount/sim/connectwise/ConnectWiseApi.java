package io.truecount.sim.connectwise;

import com.github.tomakehurst.wiremock.http.Request;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.Reply;
import io.truecount.sim.vendor.VendorApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * ConnectWise's answers: Basic {@code company+public:private} with the {@code clientId} header, bare arrays paged by
 * {@code page}/{@code pageSize} (navigable) or, with {@code pagination-type: forward-only}, by {@code pageId}
 * ({@code id > pageId}), a {@code Link: <..>; rel="next"} header while more records follow, {@code conditions} and
 * {@code fields}.
 */
final class ConnectWiseApi extends VendorApi {

    static final String NAME = "truecount-connectwise-api";
    static final int MAX_PAGE_SIZE = 1000;
    static final int DEFAULT_PAGE_SIZE = 25;

    private final ConnectWiseData data;
    private final Settings settings;
    private final CwFaults faults;
    private final List<ServedRequest> log;
    private final String authorization;

    ConnectWiseApi(ConnectWiseData data, Settings settings, CwFaults faults, List<ServedRequest> log) {
        super(NAME, settings.clock(), faults, settings.slowDelay());
        this.data = data;
        this.settings = settings;
        this.faults = faults;
        this.log = log;
        String user = settings.company() + "+" + settings.publicKey() + ":" + settings.privateKey();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }

    static Reply json(int status, String body) {
        return Reply.of(status, "application/json; charset=utf-8", body);
    }

    static Reply unauthorized() {
        return json(401, ConnectWiseJson.error("Unauthorized", "Authentication failed"));
    }

    @Override
    protected Reply answer(Request request, String path, String query, Instant arrived) {
        Endpoint endpoint = Endpoint.ofPath(path);
        String conditions = parameter(request, "conditions");
        String fields = parameter(request, "fields");
        int[] served = {0};
        Reply reply = reply(endpoint, request, query, conditions, fields, served);
        log.add(new ServedRequest(endpoint, arrived, reply.status(), conditions, fields, served[0]));
        return reply;
    }

    private Reply reply(
            Endpoint endpoint, Request request, String query, String conditions, String fields, int[] served) {
        if (!authorization.equals(request.getHeader("Authorization"))
                || !settings.clientId().equals(request.getHeader("clientId"))) {
            return unauthorized();
        }
        Reply failure = faults.nextDataRequest();
        if (failure == null) {
            failure = faults.authBlip();
        }
        if (failure != null) {
            return failure;
        }
        if (endpoint == Endpoint.SYSTEM_INFO) {
            return json(200, ConnectWiseJson.systemInfo());
        }
        boolean forwardOnly = "forward-only".equalsIgnoreCase(request.getHeader("pagination-type"));
        Long pageId;
        int page;
        int size;
        Conditions parsed;
        try {
            String sizeText = parameter(request, "pageSize");
            size = sizeText == null ? DEFAULT_PAGE_SIZE : (int) Math.min(MAX_PAGE_SIZE, Long.parseLong(sizeText));
            String pageText = parameter(request, "page");
            page = forwardOnly || pageText == null ? 1 : Integer.parseInt(pageText);
            String pageIdText = parameter(request, "pageId");
            pageId = forwardOnly && pageIdText != null ? Long.parseLong(pageIdText) : null;
            if (size < 1 || page < 1) {
                return json(400, ConnectWiseJson.error("InvalidObject", "page and pageSize must be at least 1"));
            }
            parsed = Conditions.parse(conditions);
        } catch (IllegalArgumentException e) {
            return json(400, ConnectWiseJson.error("InvalidObject", e.getMessage()));
        }
        List<Object> records;
        try {
            records = new ArrayList<>(data.select(endpoint, parsed, pageId, (page - 1) * size, size + 1));
        } catch (IllegalArgumentException e) {
            return json(400, ConnectWiseJson.error("InvalidObject", e.getMessage()));
        }
        boolean more = records.size() > size;
        if (more) {
            records.remove(records.size() - 1);
        }
        served[0] = records.size();
        Reply reply = json(200, ConnectWiseJson.array(records, data, fields));
        if (more) {
            String next = forwardOnly
                    ? with(query, "pageId", Long.toString(lastId(records)))
                    : with(query, "page", Integer.toString(page + 1));
            reply = reply.withHeader("Link", "<" + absoluteBase(request) + "?" + next + ">; rel=\"next\"");
        }
        boolean secondPage = pageId != null || page > 1;
        if (endpoint == Endpoint.TIME_ENTRIES && faults.mode() == Mode.MALFORMED_PAGE && secondPage) {
            return reply.cutOff();
        }
        return reply;
    }

    private static long lastId(List<Object> records) {
        Object last = records.get(records.size() - 1);
        if (last instanceof SimEntry e) {
            return e.id();
        }
        if (last instanceof SimTicket t) {
            return t.id();
        }
        return ((SimCompany) last).id();
    }

    /** The raw query with one parameter set, as ConnectWise writes its links. */
    private static String with(String query, String name, String value) {
        List<String> params = new ArrayList<>();
        for (String param : query.split("&")) {
            if (!param.isEmpty() && !param.split("=", 2)[0].equals(name)) {
                params.add(param);
            }
        }
        params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        return String.join("&", params);
    }
}
