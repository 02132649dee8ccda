package io.truecount.sim.atera;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Answers the simulated endpoints from the in-memory data set: one WireMock transformer instead of a stub per page,
 * so any page size and page number works against thousands of agents.
 */
final class AteraApi implements ResponseDefinitionTransformerV2 {

    static final String NAME = "truecount-atera-api";

    /** Atera serves at most 50 records a page (vendor-apis.md §1.3) and 20 when {@code itemsInPage} is absent. */
    static final int MAX_PAGE_SIZE = 50;

    static final int DEFAULT_PAGE_SIZE = 20;

    private final AteraData data;
    private final Settings settings;
    private final Faults faults;
    private final List<ServedRequest> log;

    AteraApi(AteraData data, Settings settings, Faults faults, List<ServedRequest> log) {
        this.data = data;
        this.settings = settings;
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
        Reply reply = records(endpoint, request);
        log.add(new ServedRequest(endpoint, arrived, reply.status(), pathAndQuery.length > 1 ? pathAndQuery[1] : ""));
        return reply.toDefinition(faults.mode() == Mode.SLOW ? settings.slowDelay() : Duration.ZERO);
    }

    private Reply records(Endpoint endpoint, Request request) {
        if (!settings.apiKey().equals(request.getHeader("X-API-KEY"))) {
            return Reply.error(401, "Authorization has been denied for this request.");
        }
        Reply failure = faults.nextRequest();
        if (failure != null) {
            return failure;
        }
        Paging paging = Paging.of(request);
        if (paging == null) {
            return Reply.error(400, "The request is invalid.");
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
        if (endpoint == Endpoint.AGENTS && faults.mode() == Mode.MALFORMED_PAGE && paging.page() == 2) {
            return Reply.json(200, json.substring(0, json.length() / 2));
        }
        return Reply.json(200, json);
    }

    /** Atera's links are absolute URLs on its own host. */
    private static String link(Request request, int page, int size) {
        String absolute = request.getAbsoluteUrl();
        int query = absolute.indexOf('?');
        String base = query < 0 ? absolute : absolute.substring(0, query);
        return base + "?page=" + page + "&itemsInPage=" + size;
    }

    /** Atera's paging parameters: 1-based {@code page}, {@code itemsInPage} capped at 50. */
    private record Paging(int page, int size) {

        /** Null when a parameter is not a number or below 1. */
        static Paging of(Request request) {
            try {
                String page = value(request.queryParameter("page"));
                String size = value(request.queryParameter("itemsInPage"));
                int number = page == null ? 1 : Integer.parseInt(page);
                int rows = size == null ? DEFAULT_PAGE_SIZE : (int) Math.min(Long.parseLong(size), MAX_PAGE_SIZE);
                return number < 1 || rows < 1 ? null : new Paging(number, rows);
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
}
