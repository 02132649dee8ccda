package io.truecount.connector.quickbooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.connector.SourceException;
import io.truecount.connector.push.PushRequest;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import java.nio.charset.StandardCharsets;

/**
 * The JSON of {@code POST /invoice}. The body is the same bytes for every attempt of a push, because QuickBooks
 * replays a {@code requestid} only for the same request. Amounts: each line's {@code Amount} is our line amount
 * ({@link SalesLine}), and our tax goes as {@code TxnTaxDetail.TotalTax}, so QuickBooks' {@code TotalAmt} is our total.
 */
final class InvoiceBody {

    /** QuickBooks' limit on {@code DocNumber}; a longer number would be cut off, so the push fails instead. */
    static final int MAX_DOC_NUMBER = 21;

    static final String TAXABLE = "TAX";
    static final String NOT_TAXABLE = "NON";

    // Plain decimals ("1200.00", never "1.2E+3"): QuickBooks reads amounts as written.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private InvoiceBody() {}

    /**
     * @throws SourceException when the invoice cannot be held by QuickBooks as it is (number too long, no customer id)
     */
    static byte[] of(PushRequest request, String itemId, String connectorId) {
        Invoice invoice = request.invoice();
        if (invoice.number().length() > MAX_DOC_NUMBER) {
            throw SourceException.of(
                    connectorId,
                    "invoice number " + invoice.number() + " is longer than the " + MAX_DOC_NUMBER
                            + " characters QuickBooks keeps in DocNumber; shorten company.invoice-prefix");
        }
        if (request.accountId() == null || request.accountId().isBlank()) {
            throw SourceException.of(
                    connectorId,
                    "customer " + request.customer().id() + " has no QuickBooks customer id under accounting."
                            + connectorId);
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("CustomerRef").put("value", request.accountId());
        body.put("DocNumber", invoice.number());
        body.put("TxnDate", invoice.issueDate().toString());
        body.put("DueDate", invoice.dueDate().toString());
        body.putObject("CurrencyRef").put("value", invoice.currency().getCurrencyCode());
        String email = request.customer().billingEmail();
        if (email != null && !email.isBlank()) {
            body.putObject("BillEmail").put("Address", email);
        }
        body.put("PrivateNote", privateNote(invoice.number()));
        body.putObject("CustomerMemo")
                .put("value", "Service period " + invoice.periodStart() + " to " + invoice.periodEnd());
        ArrayNode lines = body.putArray("Line");
        int number = 1;
        for (InvoiceLine line : invoice.lines()) {
            lines.add(line(line, number++, itemId));
        }
        body.putObject("TxnTaxDetail").put("TotalTax", invoice.taxAmount());
        try {
            return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and decimals always serializes", e);
        }
    }

    /** What marks an invoice in QuickBooks as ours: {@code truecount <number>}. */
    static String privateNote(String invoiceNumber) {
        return "truecount " + invoiceNumber;
    }

    private static ObjectNode line(InvoiceLine line, int number, String itemId) {
        SalesLine sales = SalesLine.of(line);
        ObjectNode node = JSON.createObjectNode();
        node.put("LineNum", number);
        node.put("DetailType", "SalesItemLineDetail");
        node.put("Amount", sales.amount());
        node.put("Description", sales.description());
        ObjectNode detail = node.putObject("SalesItemLineDetail");
        detail.putObject("ItemRef").put("value", itemId);
        detail.put("Qty", sales.quantity());
        detail.put("UnitPrice", sales.unitPrice());
        detail.putObject("TaxCodeRef").put("value", line.taxable() ? TAXABLE : NOT_TAXABLE);
        return node;
    }
}
