package io.truecount.sim.vendor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response a simulator decided on, before WireMock renders it. */
public record Reply(int status, String contentType, String body, Map<String, String> headers) {

    public static Reply of(int status, String contentType, String body) {
        return new Reply(status, contentType, body, Map.of());
    }

    /** What a load balancer in front of the API answers when the backend is down: HTML, not JSON. */
    public static Reply gatewayPage(int status, String reason) {
        return of(
                status,
                "text/html",
                "<html><head><title>" + status + " " + reason + "</title></head><body><h1>" + status + " " + reason
                        + "</h1></body></html>");
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more);
    }

    /** {@link Mode#MALFORMED_PAGE}: the same reply with its body cut off halfway, mid-JSON. */
    public Reply cutOff() {
        return new Reply(status, contentType, body.substring(0, body.length() / 2), headers);
    }

    ResponseDefinition toDefinition(Duration delay) {
        ResponseDefinitionBuilder response = aResponse()
                .withStatus(status)
                .withHeader("Content-Type", contentType)
                .withBody(body);
        headers.forEach(response::withHeader);
        if (!delay.isZero()) {
            response.withFixedDelay((int) delay.toMillis());
        }
        return response.build();
    }
}
