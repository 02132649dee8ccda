package io.truecount.sim.datto;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response the simulator decided on, before WireMock renders it. */
record Reply(int status, String contentType, String body, Map<String, String> headers) {

    static Reply json(int status, String body) {
        return new Reply(status, "application/json;charset=UTF-8", body, Map.of());
    }

    /** Datto's token endpoint (Spring Security OAuth2) answers errors as {@code error}/{@code error_description}. */
    static Reply oauthError(int status, String error, String description) {
        return json(status, "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
    }

    /** The API's own errors: a Spring Boot error body. */
    static Reply apiError(int status, String error, String message) {
        return json(status, "{\"status\":" + status + ",\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
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
