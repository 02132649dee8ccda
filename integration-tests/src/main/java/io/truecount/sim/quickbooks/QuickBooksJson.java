package io.truecount.sim.quickbooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.sim.vendor.Reply;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** QuickBooks' JSON: entities in an envelope with {@code time}, errors as {@code Fault}. */
final class QuickBooksJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Keep "540.00" as sent, so tests see the amounts the client wrote.
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private QuickBooksJson() {}

    static JsonNode parse(String body) throws IOException {
        return JSON.readTree(body);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static Reply reply(int status, ObjectNode body, Instant at) {
        body.put("time", at.toString());
        return Reply.of(status, "application/json;charset=UTF-8", write(body));
    }

    /** {@code {"Fault":{"Error":[{"Message","Detail","code","element"}],"type"}}}. */
    static Reply fault(int status, String type, String message, String detail, String code, Instant at) {
        ObjectNode root = object();
        ObjectNode fault = root.putObject("Fault");
        ObjectNode error = fault.putArray("Error").addObject();
        error.put("Message", message);
        error.put("Detail", detail);
        error.put("code", code);
        error.put("element", "");
        fault.put("type", type);
        return reply(status, root, at);
    }

    /** A 401 from Intuit's gateway spells the fault in lower case. */
    static Reply unauthorized(Instant at) {
        ObjectNode root = object();
        ObjectNode fault = root.putObject("fault");
        ObjectNode error = fault.putArray("error").addObject();
        error.put("message", "message=AuthenticationFailed; errorCode=003200; statusCode=401");
        error.put("detail", "Token expired or invalid");
        error.put("code", "3200");
        fault.put("type", "AUTHENTICATION");
        return reply(401, root, at);
    }

    static ObjectNode invoice(SimInvoice invoice) {
        ObjectNode node = object();
        node.put("Id", invoice.id());
        node.put("SyncToken", "0");
        node.put("DocNumber", invoice.docNumber());
        node.put("TxnDate", invoice.txnDate());
        node.put("DueDate", invoice.dueDate());
        node.putObject("CustomerRef").put("value", invoice.customerId());
        if (invoice.currency() != null) {
            node.putObject("CurrencyRef").put("value", invoice.currency());
        }
        if (invoice.billEmail() != null) {
            node.putObject("BillEmail").put("Address", invoice.billEmail());
        }
        if (invoice.privateNote() != null) {
            node.put("PrivateNote", invoice.privateNote());
        }
        ArrayNode lines = node.putArray("Line");
        for (SimLine line : invoice.lines()) {
            ObjectNode out = lines.addObject();
            out.put("Id", String.valueOf(line.lineNum()));
            out.put("LineNum", line.lineNum());
            out.put("Description", line.description());
            out.put("Amount", line.amount());
            out.put("DetailType", "SalesItemLineDetail");
            ObjectNode detail = out.putObject("SalesItemLineDetail");
            detail.putObject("ItemRef").put("value", line.itemId());
            if (line.quantity() != null) {
                detail.put("Qty", line.quantity());
            }
            if (line.unitPrice() != null) {
                detail.put("UnitPrice", line.unitPrice());
            }
            detail.putObject("TaxCodeRef").put("value", line.taxCode());
        }
        node.putObject("TxnTaxDetail").put("TotalTax", invoice.totalTax());
        node.put("TotalAmt", invoice.totalAmt());
        node.put("Balance", invoice.totalAmt());
        ObjectNode meta = node.putObject("MetaData");
        meta.put("CreateTime", invoice.created().toString());
        meta.put("LastUpdatedTime", invoice.created().toString());
        return node;
    }

    static ObjectNode queryResponse(List<SimInvoice> invoices) {
        ObjectNode root = object();
        ObjectNode response = root.putObject("QueryResponse");
        if (!invoices.isEmpty()) {
            ArrayNode found = response.putArray("Invoice");
            invoices.forEach(invoice -> found.add(invoice(invoice)));
            response.put("startPosition", 1);
            response.put("maxResults", invoices.size());
        }
        return root;
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
