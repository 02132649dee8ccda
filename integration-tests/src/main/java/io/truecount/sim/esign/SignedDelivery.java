package io.truecount.sim.esign;

import io.truecount.connector.webhook.WebhookRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One webhook POST as the vendor makes it.
 *
 * @param headers header name to value, including {@code Content-Type}
 * @param query query parameters the vendor adds to the configured URL (PandaDoc's {@code signature}), unencoded
 * @param body exactly the bytes the signature covers
 */
public record SignedDelivery(Map<String, String> headers, Map<String, String> query, String contentType, byte[] body) {

    public SignedDelivery {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
    }

    /** The path with the vendor's query appended ({@code /webhooks/pandadoc?signature=...}). */
    public String pathAndQuery(String path) {
        if (query.isEmpty()) {
            return path;
        }
        return path + "?"
                + query.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    /** The delivery as the application's webhook endpoint hands it to a receiver. */
    public WebhookRequest toRequest(Instant receivedAt) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        headers.forEach((name, value) -> all.put(name, List.of(value)));
        return new WebhookRequest(all, query, contentType, body, receivedAt);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The same delivery with its body altered and its signatures kept, as an attacker would forge it: receivers must
     * refuse it. For Dropbox Sign, whose hash covers only event time and type, alter one of those.
     */
    public SignedDelivery forged(String replace, String with) {
        String text = bodyText();
        if (!text.contains(replace)) {
            throw new IllegalArgumentException("the body does not contain '" + replace + "'");
        }
        return new SignedDelivery(
                headers, query, contentType, text.replace(replace, with).getBytes(StandardCharsets.UTF_8));
    }

    /** The same delivery without any of the named headers or query parameters (a missing signature). */
    public SignedDelivery without(String name) {
        Map<String, String> keptHeaders = new LinkedHashMap<>(headers);
        keptHeaders.keySet().removeIf(h -> h.equalsIgnoreCase(name));
        Map<String, String> keptQuery = new LinkedHashMap<>(query);
        keptQuery.remove(name);
        return new SignedDelivery(keptHeaders, keptQuery, contentType, body);
    }
}
