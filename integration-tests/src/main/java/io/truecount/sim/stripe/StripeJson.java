package io.truecount.sim.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Renders simulated objects in the shapes of Stripe's fixtures (vendor-specs/stripe/fixtures3.json), trimmed. */
final class StripeJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** Stripe embeds at most this many lines in an invoice; the rest are read from {@code /v1/invoices/{id}/lines}. */
    static final int EMBEDDED_LINES = 10;

    private StripeJson() {}

    static ObjectNode invoice(StripeInvoice inv) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", inv.id());
        node.put("object", "invoice");
        node.put("customer", inv.customer());
        node.put("status", inv.status());
        node.put("collection_method", inv.collectionMethod());
        node.put("currency", inv.currency());
        long total = inv.total();
        node.put("amount_due", total);
        node.put("amount_paid", inv.amountPaid());
        node.put("amount_remaining", total - inv.amountPaid());
        node.put("subtotal", total);
        node.put("total", total);
        node.put("auto_advance", false);
        node.put("attempt_count", inv.amountPaid() > 0 ? 1 : 0);
        node.put("created", inv.created());
        node.put("description", inv.description());
        node.put("number", inv.number());
        node.put("hosted_invoice_url", inv.hostedInvoiceUrl());
        if (inv.daysUntilDue() == null) {
            node.putNull("due_date");
        } else {
            node.put("due_date", inv.created() + inv.daysUntilDue() * 86_400L);
        }
        // Before API 2025-03-31.basil an invoice named its charge; newer versions list payments instead. Both are
        // rendered so a receiver can be tested against either shape.
        node.put("charge", inv.charge());
        ArrayNode payments = node.putObject("payments").putArray("data");
        if (inv.charge() != null) {
            ObjectNode payment = payments.addObject().putObject("payment");
            payment.put("type", "charge");
            payment.put("charge", inv.charge());
        }
        node.set("metadata", metadata(inv.metadata()));
        List<StripeLine> embedded =
                inv.lines().subList(0, Math.min(EMBEDDED_LINES, inv.lines().size()));
        node.set(
                "lines",
                list(
                        "/v1/invoices/" + inv.id() + "/lines",
                        embedded.stream().map(StripeJson::line).toList(),
                        inv.lines().size() > EMBEDDED_LINES));
        return node;
    }

    static ObjectNode line(StripeLine line) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", line.id());
        node.put("object", "line_item");
        node.put("amount", line.amount());
        node.put("description", line.description());
        node.put("quantity", line.quantity());
        node.set("metadata", metadata(line.metadata()));
        ObjectNode pricing = node.putObject("pricing");
        pricing.put("type", "price_details");
        pricing.put("unit_amount_decimal", line.unitAmountDecimal().toPlainString());
        ObjectNode parent = node.putObject("parent");
        parent.put("type", "invoice_item_details");
        parent.putObject("invoice_item_details").put("invoice_item", line.invoiceItem());
        return node;
    }

    static ObjectNode invoiceItem(StripeLine line, String invoiceId, String customer, String currency) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", line.invoiceItem());
        node.put("object", "invoiceitem");
        node.put("amount", line.amount());
        node.put("currency", currency);
        node.put("customer", customer);
        node.put("description", line.description());
        node.put("invoice", invoiceId);
        node.put("quantity", line.quantity());
        node.set("metadata", metadata(line.metadata()));
        ObjectNode pricing = node.putObject("pricing");
        pricing.put("type", "price_details");
        pricing.put("unit_amount_decimal", line.unitAmountDecimal().toPlainString());
        return node;
    }

    static ObjectNode list(String url, List<ObjectNode> data, boolean hasMore) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("object", "list");
        ArrayNode array = node.putArray("data");
        data.forEach(array::add);
        node.put("has_more", hasMore);
        node.put("url", url);
        return node;
    }

    static String error(String type, String code, String param, String message) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("type", type);
        if (code != null) {
            error.put("code", code);
        }
        if (param != null) {
            error.put("param", param);
        }
        error.put("message", message);
        return write(root);
    }

    static ObjectNode metadata(Map<String, String> metadata) {
        ObjectNode node = MAPPER.createObjectNode();
        metadata.forEach(node::put);
        return node;
    }

    static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }
}
