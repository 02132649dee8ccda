package io.truecount.connector.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One request to a vendor. The URL carries its query already encoded, so a link-style paginator can follow a vendor's
 * next-page URL verbatim while a cursor paginator replaces a single parameter.
 *
 * @param method {@code GET}, {@code POST}, ...
 * @param url absolute URL, query included
 * @param headers request headers; {@code Authorization} is added by an {@link Authenticator}
 * @param body request body, or null
 */
public record HttpRequest(String method, URI url, Map<String, String> headers, byte[] body) {

    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        if (!url.isAbsolute()) {
            throw new IllegalArgumentException("not an absolute URL: " + url);
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static HttpRequest get(URI url) {
        return new HttpRequest("GET", url, Map.of("Accept", "application/json"), null);
    }

    /** A form-encoded POST, as OAuth2 token endpoints expect. */
    public static HttpRequest postForm(URI url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        return new HttpRequest("POST", url, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** This request with the query parameter set to the value, replacing any earlier value of that name. */
    public HttpRequest withQueryParam(String name, String value) {
        List<String> params = new ArrayList<>();
        if (url.getRawQuery() != null) {
            for (String param : url.getRawQuery().split("&")) {
                if (!param.isEmpty() && !param.split("=", 2)[0].equals(encode(name))) {
                    params.add(param);
                }
            }
        }
        params.add(encode(name) + "=" + encode(value));
        URI withQuery = URI.create(withoutQuery() + "?" + String.join("&", params));
        return new HttpRequest(method, withQuery, headers, body);
    }

    public HttpRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpRequest(method, url, copy, body);
    }

    /** Scheme, host, port and path: the URL without its query. */
    public String withoutQuery() {
        String full = url.toString();
        int query = full.indexOf('?');
        return query < 0 ? full : full.substring(0, query);
    }

    /** Says what is requested without a body or header value, which may hold a secret. */
    @Override
    public String toString() {
        return method + " " + url;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpRequest that
                && method.equals(that.method)
                && url.equals(that.url)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, url, headers, Arrays.hashCode(body));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
