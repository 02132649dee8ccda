package io.truecount.connector.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A webhook request as it arrived: headers, query, and the body's raw bytes (never re-encoded: signatures are over
 * exactly these bytes).
 *
 * @param headers header name (any case) to its values
 * @param query query parameter name to its decoded value (PandaDoc signs with {@code ?signature=})
 * @param contentType the {@code Content-Type} header, or null
 * @param receivedAt when it arrived, for replay windows
 */
public record WebhookRequest(
        Map<String, List<String>> headers,
        Map<String, String> query,
        String contentType,
        byte[] body,
        Instant receivedAt) {

    public WebhookRequest {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
        TreeMap<String, List<String>> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> folded.merge(name, List.copyOf(values), (a, b) -> {
            List<String> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        headers = Collections.unmodifiableMap(folded);
        query = Map.copyOf(query);
    }

    /** The first value of a header, matched without regard to case; null when absent. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The headers whose names start with the prefix ({@code X-DocuSign-Signature-}), lower-cased name to value. */
    public Map<String, String> headersStartingWith(String prefix) {
        Map<String, String> found = new TreeMap<>();
        String lower = prefix.toLowerCase(Locale.ROOT);
        headers.forEach((name, values) -> {
            if (name.toLowerCase(Locale.ROOT).startsWith(lower) && !values.isEmpty()) {
                found.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return found;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
