package io.truecount.sim.vendor;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request as a client sent it, complete enough to send again: what the benchmark's floor loop replays.
 *
 * @param headers the headers that decide the answer (authorization and content negotiation), not transport ones
 * @param body the request body; empty for GET
 */
public record RecordedRequest(String method, String url, Map<String, String> headers, String body) {

    private static final Set<String> TRANSPORT = Set.of(
            "host",
            "content-length",
            "connection",
            "user-agent",
            "accept-encoding",
            "transfer-encoding",
            "upgrade",
            "http2-settings",
            "expect");

    public RecordedRequest {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    static RecordedRequest of(Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            if (!TRANSPORT.contains(header.key().toLowerCase(Locale.ROOT))) {
                headers.put(header.key(), header.firstValue());
            }
        }
        return new RecordedRequest(
                request.getMethod().getName(), request.getAbsoluteUrl(), headers, request.getBodyAsString());
    }
}
