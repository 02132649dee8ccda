package io.truecount.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small HTTP client for the server under test that keeps cookies like a browser would (without checking Secure or
 * SameSite, which tests assert on the Set-Cookie headers instead) and never follows redirects.
 */
final class Http {

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    Http(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A response and its headers. */
    record Response(int status, HttpHeaders headers, String body) {

        List<String> setCookies() {
            return headers.allValues("Set-Cookie");
        }

        String setCookie(String name) {
            return setCookies().stream()
                    .filter(c -> c.startsWith(name + "="))
                    .findFirst()
                    .orElse(null);
        }

        String location() {
            return headers.firstValue("Location").orElse(null);
        }
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    /** {@code headers} may hold Authorization, X-XSRF-TOKEN, Content-Type, Accept. */
    Response send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            keepCookies(response.headers());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keepCookies(HttpHeaders headers) {
        for (String header : headers.allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }
}
