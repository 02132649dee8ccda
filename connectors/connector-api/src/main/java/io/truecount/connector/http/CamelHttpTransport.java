package io.truecount.connector.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Sends one request through the Camel {@code http} component. Each vendor host gets one endpoint, created once; the
 * path and query of every request travel in the {@code CamelHttpUri}/{@code CamelHttpQuery} headers, so paging through
 * a million devices does not register a million endpoints.
 */
final class CamelHttpTransport {

    private final CamelContext camel;
    private final ProducerTemplate template;
    private final String endpointOptions;
    private final Map<String, Endpoint> endpointsByHost = new ConcurrentHashMap<>();

    CamelHttpTransport(CamelContext camel, Duration timeout) {
        this.camel = camel;
        this.template = camel.createProducerTemplate();
        long millis = timeout.toMillis();
        // The runtime reads every status itself (throwExceptionOnFailure=false) and wants only the vendor's response
        // headers back, not the request headers echoed (copyHeaders=false).
        this.endpointOptions = "throwExceptionOnFailure=false&copyHeaders=false"
                + "&connectTimeout=" + millis
                + "&connectionRequestTimeout=" + millis
                + "&responseTimeout=" + millis
                + "&soTimeout=" + millis;
    }

    /**
     * @throws TransportException when no answer came back
     */
    HttpResponse send(HttpRequest request) {
        Endpoint endpoint = endpointsByHost.computeIfAbsent(hostOf(request.url()), this::endpoint);
        Exchange exchange = template.send(endpoint, out -> fill(out.getIn(), request));
        Exception failure = exchange.getException();
        if (failure != null) {
            throw asTransportFailure(failure);
        }
        Message answer = exchange.getMessage();
        Integer status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null) {
            throw new IllegalStateException("Camel http answered " + request + " without a status code");
        }
        return new HttpResponse(status, responseHeaders(answer), answer.getBody(byte[].class));
    }

    private Endpoint endpoint(String host) {
        // Apache HttpClient 5 would otherwise repeat a 429 or 503 once on its own, out of sight of the ErrorPolicy,
        // its stats and its circuit breaker.
        HttpClientConfigurer noHiddenRetries = HttpClientBuilder::disableAutomaticRetries;
        return camel.getEndpoint(host + "?" + endpointOptions, Map.of("httpClientConfigurer", noHiddenRetries));
    }

    private static void fill(Message message, HttpRequest request) {
        message.setHeader(Exchange.HTTP_METHOD, request.method());
        message.setHeader(Exchange.HTTP_URI, request.withoutQuery());
        if (request.url().getRawQuery() != null) {
            message.setHeader(Exchange.HTTP_QUERY, request.url().getRawQuery());
        }
        request.headers().forEach(message::setHeader);
        message.setBody(request.body());
    }

    private static Map<String, String> responseHeaders(Message answer) {
        Map<String, String> headers = new LinkedHashMap<>();
        answer.getHeaders().forEach((name, value) -> {
            if (!name.startsWith("Camel") && value != null) {
                headers.put(name, value instanceof List<?> values ? firstOf(values) : value.toString());
            }
        });
        return headers;
    }

    private static String firstOf(List<?> values) {
        return values.isEmpty() ? "" : String.valueOf(values.get(0));
    }

    private static RuntimeException asTransportFailure(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return new TransportException(cause);
            }
        }
        return new IllegalStateException("Camel http failed: " + failure.getMessage(), failure);
    }

    private static String hostOf(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority();
    }
}
