package io.truecount.connector.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.MalformedPageException;
import io.truecount.connector.OrganizationException;
import io.truecount.connector.SourceException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.HttpResponse;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.json.Json;
import io.truecount.connector.paging.MalformedRecordException;
import io.truecount.connector.paging.NextLinkPaginator;
import io.truecount.connector.paging.Page;
import io.truecount.connector.paging.RecordSelector;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Graph calls on behalf of one tenant, with that tenant's token, and what Graph's answers mean. Retries (429 with
 * {@code Retry-After}, 5xx) happen below, in {@link ResilientHttp}; a 401 gets one retry with a fresh token. What is
 * left is sorted here: a tenant that refuses the app (401 to a fresh token, 403 {@code Authorization_RequestDenied})
 * fails that tenant only; an expired delta token (410, {@code SyncStateNotFound}) asks for a full read; anything else
 * fails the run.
 */
final class GraphApi {

    private static final Set<String> RESYNC_CODES =
            Set.of("syncstatenotfound", "syncstateinvalid", "resyncrequired", "resyncapplicationrequired");
    private static final int GONE = 410;
    private static final RecordSelector VALUE = RecordSelector.field("value");
    private static final NextLinkPaginator NEXT_LINK = new NextLinkPaginator("/@odata.nextLink", null, 0);

    private final ResilientHttp http;
    private final Function<String, TenantToken> tokens;

    GraphApi(ResilientHttp http, Function<String, TenantToken> tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    String connectorId() {
        return http.connectorId();
    }

    /**
     * One page of a listing, its records those under {@code value}.
     *
     * @param number 1 for the first page, for the error of a malformed one
     * @throws DeltaExpiredException when the request was a delta link Graph no longer knows
     */
    Page page(String tenant, HttpRequest request, int number, SyncStats stats) {
        HttpResponse response = send(tenant, request, stats);
        JsonNode body;
        try {
            body = Json.parse(response.body());
        } catch (IOException e) {
            throw malformed(request, number, "not valid JSON");
        }
        try {
            return new Page(number, request, response, body, VALUE.select(body));
        } catch (MalformedRecordException e) {
            throw malformed(request, number, e.getMessage());
        }
    }

    /** The page's {@code @odata.nextLink} as the next request (same origin only), or empty on the last page. */
    Optional<HttpRequest> next(Page page) {
        try {
            return NEXT_LINK.next(page);
        } catch (MalformedRecordException e) {
            throw malformed(page.request(), page.number(), e.getMessage());
        }
    }

    MalformedPageException malformed(HttpRequest request, int number, String problem) {
        return new MalformedPageException(connectorId(), request.url().toString(), number, problem);
    }

    HttpResponse send(String tenant, HttpRequest request, SyncStats stats) {
        TenantToken token = tokens.apply(tenant);
        HttpResponse response = http.execute(token.authorize(request, stats), stats);
        if (response.status() == 401 && token.renew()) {
            stats.retry();
            response = http.execute(token.authorize(request, stats), stats);
        }
        if (response.isSuccess()) {
            return response;
        }
        String code = Json.errorCode(response.body());
        if (response.status() == GONE || code != null && RESYNC_CODES.contains(code.toLowerCase(Locale.ROOT))) {
            throw new DeltaExpiredException(tenant, response.status(), code);
        }
        if (response.status() == 401 || response.status() == 403) {
            throw new OrganizationException(
                    connectorId(),
                    tenant,
                    "tenant " + tenant + " refused " + request.withoutQuery() + " with HTTP " + response.status()
                            + (code == null ? "" : " (" + code + ")")
                            + ": the app lacks consent or permissions there, or its consent was revoked");
        }
        throw SourceException.of(
                connectorId(),
                request + " answered HTTP " + response.status() + (code == null ? "" : " (vendor error: " + code + ")")
                        + " for tenant " + tenant);
    }

    /** Graph no longer knows the delta token: the tenant's users must be read in full again. */
    static final class DeltaExpiredException extends RuntimeException {

        DeltaExpiredException(String tenant, int status, String code) {
            super("the delta link of tenant " + tenant + " expired (HTTP " + status + (code == null ? "" : ", " + code)
                    + ")");
        }
    }
}
