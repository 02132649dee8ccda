package io.truecount.sim.atera;

import com.github.tomakehurst.wiremock.http.Request;
import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.Reply;
import io.truecount.sim.vendor.VendorApi;
import java.time.Instant;
import java.util.List;

/** Atera's answers: {@code X-API-KEY} authentication and customers and agents in Atera's paged envelope. */
final class AteraApi extends VendorApi {

    static final String NAME = "truecount-atera-api";

    /** Atera serves at most 50 records a page (vendor-apis.md §1.3) and 20 when {@code itemsInPage} is absent. */
    static final int MAX_PAGE_SIZE = 50;

    static final int DEFAULT_PAGE_SIZE = 20;

    private final AteraData data;
    private final Settings settings;
    private final Faults faults;
    private final List<ServedRequest> log;

    AteraApi(AteraData data, Settings settings, Faults faults, List<ServedRequest> log) {
        super(NAME, settings.clock(), faults, settings.slowDelay());
        this.data = data;
        this.settings = settings;
        this.faults = faults;
        this.log = log;
    }

    static Reply json(int status, String body) {
        return Reply.of(status, "application/json; charset=utf-8", body);
    }

    /** Atera's API is ASP.NET Web API: errors carry a {@code Message}. */
    static Reply error(int status, String message) {
        return json(status, "{\"Message\":\"" + message + "\"}");
    }

    @Override
    protected Reply answer(Request request, String path, String query, Instant arrived) {
        Endpoint endpoint = Endpoint.ofPath(path);
        Reply reply = records(endpoint, request);
        log.add(new ServedRequest(endpoint, arrived, reply.status(), query));
        return reply;
    }

    private Reply records(Endpoint endpoint, Request request) {
        if (!settings.apiKey().equals(request.getHeader("X-API-KEY"))) {
            return error(401, "Authorization has been denied for this request.");
        }
        Reply failure = faults.nextDataRequest();
        if (failure != null) {
            return failure;
        }
        Paging paging = Paging.of(request);
        if (paging == null) {
            return error(400, "The request is invalid.");
        }
        List<String> rows = data.rows(endpoint);
        int from = (int) Math.min(rows.size(), (long) (paging.page() - 1) * paging.size());
        int to = (int) Math.min(rows.size(), (long) from + paging.size());
        String items = "[" + String.join(",", rows.subList(from, to)) + "]";
        String json = AteraJson.envelope(
                items,
                paging.page(),
                paging.size(),
                rows.size(),
                paging.page() > 1 ? link(request, paging.page() - 1, paging.size()) : "",
                to < rows.size() ? link(request, paging.page() + 1, paging.size()) : "");
        Reply reply = json(200, json);
        if (endpoint == Endpoint.AGENTS && faults.mode() == Mode.MALFORMED_PAGE && paging.page() == 2) {
            return reply.cutOff();
        }
        return reply;
    }

    /** Atera's links are absolute URLs on its own host. */
    private static String link(Request request, int page, int size) {
        return absoluteBase(request) + "?page=" + page + "&itemsInPage=" + size;
    }

    /** Atera's paging parameters: 1-based {@code page}, {@code itemsInPage} capped at 50. */
    private record Paging(int page, int size) {

        /** Null when a parameter is not a number or below 1. */
        static Paging of(Request request) {
            try {
                String page = parameter(request, "page");
                String size = parameter(request, "itemsInPage");
                int number = page == null ? 1 : Integer.parseInt(page);
                int rows = size == null ? DEFAULT_PAGE_SIZE : (int) Math.min(Long.parseLong(size), MAX_PAGE_SIZE);
                return number < 1 || rows < 1 ? null : new Paging(number, rows);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
