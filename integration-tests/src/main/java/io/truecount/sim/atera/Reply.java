package io.truecount.sim.atera;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response the simulator decided on, before WireMock renders it. */
record Reply(int status, String contentType, String body, Map<String, String> headers) {

    static Reply json(int status, String body) {
        return new Reply(status, "application/json; charset=utf-8", body, Map.of());
    }

    /** Atera's API is ASP.NET Web API: errors carry a {@code Message}. */
    static Reply error(int status, String message) {
        return json(status, "{\"Message\":\"" + message + "\"}");
    }

    /** What a load balancer in front of the API answers when the backend is down: HTML, not JSON. */
    static Reply gatewayPage(int status, String reason) {
        return new Reply(
                status,
                "text/html",
                "<html><head><title>" + status + " " + reason + "</title></head><body><h1>" + status + " " + reason
                        + "</h1></body></html>",
                Map.of());
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more);
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
