package io.truecount.connector.stripe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Stripe request body: {@code application/x-www-form-urlencoded} with bracketed nesting ({@code metadata[k]=v}), in
 * a fixed order, so the same invoice always gives byte-identical bodies (an idempotent retry must repeat its
 * parameters exactly, or Stripe answers {@code idempotency_error}).
 */
final class Form {

    private record Pair(String name, String value) {}

    private final List<Pair> pairs = new ArrayList<>();

    Form add(String name, String value) {
        if (value != null) {
            pairs.add(new Pair(name, value));
        }
        return this;
    }

    Form add(String name, long value) {
        return add(name, Long.toString(value));
    }

    /** {@code metadata[key]=value}. */
    Form metadata(String key, String value) {
        return add("metadata[" + key + "]", value);
    }

    String encoded() {
        return pairs.stream()
                .map(p -> encode(p.name()) + "=" + encode(p.value()))
                .collect(Collectors.joining("&"));
    }

    byte[] bytes() {
        return encoded().getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
