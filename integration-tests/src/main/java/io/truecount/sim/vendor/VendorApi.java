package io.truecount.sim.vendor;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Answers a simulator's endpoints from its in-memory data set: one WireMock transformer instead of a stub per page,
 * so any page size and cursor works against thousands of devices. This part stamps the request, splits its URL and
 * applies {@link Mode#SLOW}; the vendor decides the {@link Reply} and records the request.
 */
public abstract class VendorApi implements ResponseDefinitionTransformerV2 {

    private final String name;
    private final Clock clock;
    private final Faults faults;
    private final Duration slowDelay;

    protected VendorApi(String name, Clock clock, Faults faults, Duration slowDelay) {
        this.name = name;
        this.clock = clock;
        this.faults = faults;
        this.slowDelay = slowDelay;
    }

    /** The vendor's answer to one request; it also logs the request as served. */
    protected abstract Reply answer(Request request, String path, String query, Instant arrived);

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final boolean applyGlobally() {
        return false;
    }

    @Override
    public final ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        Instant arrived = clock.instant();
        String[] pathAndQuery = request.getUrl().split("\\?", 2);
        Reply reply = answer(request, pathAndQuery[0], pathAndQuery.length > 1 ? pathAndQuery[1] : "", arrived);
        return reply.toDefinition(faults.mode() == Mode.SLOW ? slowDelay : Duration.ZERO);
    }

    /** A query parameter's trimmed first value, or null when absent. */
    protected static String parameter(Request request, String key) {
        QueryParameter parameter = request.queryParameter(key);
        return parameter == null || !parameter.isPresent()
                ? null
                : parameter.firstValue().trim();
    }

    /** The request's absolute URL without its query: vendors' page links point back at their own host. */
    protected static String absoluteBase(Request request) {
        String absolute = request.getAbsoluteUrl();
        int query = absolute.indexOf('?');
        return query < 0 ? absolute : absolute.substring(0, query);
    }

    /** An {@code application/x-www-form-urlencoded} token request body. */
    protected static Map<String, String> form(String body) {
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
