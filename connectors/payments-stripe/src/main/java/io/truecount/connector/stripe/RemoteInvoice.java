package io.truecount.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.json.Fields;
import io.truecount.connector.push.PushReceipt;
import java.util.HashSet;
import java.util.Set;

/**
 * A Stripe invoice as the sink reads it back.
 *
 * @param status {@code draft}, {@code open}, {@code paid}, {@code uncollectible}, {@code void}
 * @param total in minor units
 * @param lineTags the {@code metadata.truecount_line} of the lines listed with it
 * @param moreLines whether Stripe cut the embedded line list short ({@code lines.has_more})
 */
record RemoteInvoice(
        String id,
        String status,
        String number,
        String hostedUrl,
        long total,
        Set<String> lineTags,
        boolean moreLines) {

    static final String LINE_METADATA = "truecount_line";

    static RemoteInvoice of(JsonNode invoice) {
        Set<String> tags = new HashSet<>();
        addTags(invoice.path("lines").path("data"), tags);
        return new RemoteInvoice(
                Fields.required(invoice, "id", "a Stripe invoice"),
                Fields.text(invoice.path("status")),
                Fields.text(invoice.path("number")),
                Fields.text(invoice.path("hosted_invoice_url")),
                invoice.path("total").asLong(),
                Set.copyOf(tags),
                invoice.path("lines").path("has_more").asBoolean(false));
    }

    static void addTags(JsonNode lines, Set<String> tags) {
        for (JsonNode line : lines) {
            String tag = Fields.text(line.path("metadata").path(LINE_METADATA));
            if (tag != null) {
                tags.add(tag);
            }
        }
    }

    RemoteInvoice withLineTags(Set<String> tags) {
        return new RemoteInvoice(id, status, number, hostedUrl, total, Set.copyOf(tags), false);
    }

    boolean isDraft() {
        return "draft".equals(status);
    }

    PushReceipt receipt() {
        return new PushReceipt(id, number, hostedUrl);
    }
}
