package io.truecount.connector.xero;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.connector.SourceException;
import io.truecount.connector.push.PushRequest;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code PUT /Invoices} body of one of our invoices (xero_accounting.yaml, createInvoices). The same request
 * always gives the same bytes, which is what lets Xero recognise a repeat under its {@code Idempotency-Key}.
 */
final class XeroInvoiceBody {

    // Amounts as plain decimals (45.00, never 4.5E+1), exactly as our BigDecimals hold them.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final String connectorId;
    private final XeroOptions options;

    XeroInvoiceBody(String connectorId, XeroOptions options) {
        this.connectorId = connectorId;
        this.options = options;
    }

    byte[] of(PushRequest request) {
        Invoice invoice = request.invoice();
        String contactId = contactId(request);
        List<XeroLine> lines = lines(invoice);
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode xero = body.putArray("Invoices").addObject();
        xero.put("Type", "ACCREC");
        xero.putObject("Contact").put("ContactID", contactId);
        xero.put("Date", invoice.issueDate().toString());
        xero.put("DueDate", invoice.dueDate().toString());
        xero.put("InvoiceNumber", invoice.number());
        xero.put("Reference", "truecount " + invoice.period());
        xero.put("LineAmountTypes", "Exclusive");
        xero.put("Status", options.status());
        xero.put("CurrencyCode", invoice.currency().getCurrencyCode());
        ArrayNode items = xero.putArray("LineItems");
        for (XeroLine line : lines) {
            ObjectNode item = items.addObject();
            item.put("Description", line.description());
            item.put("Quantity", line.quantity());
            item.put("UnitAmount", line.unitAmount());
            item.put("LineAmount", line.lineAmount());
            item.put("AccountCode", options.accountCode());
            item.put("TaxType", line.taxType());
            item.put("TaxAmount", line.taxAmount());
        }
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the Xero body of invoice " + invoice.number(), e);
        }
    }

    /** The lines as Xero will hold them; refuses an invoice whose own totals do not add up, before Xero sees it. */
    List<XeroLine> lines(Invoice invoice) {
        int scale = Money.scale(invoice.currency());
        List<XeroLine> lines = new ArrayList<>();
        List<Boolean> taxable = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        for (InvoiceLine line : invoice.lines()) {
            lines.add(XeroLine.of(line, scale, line.taxable() ? options.taxType() : XeroOptions.NO_TAX));
            taxable.add(line.taxable());
            subtotal = subtotal.add(line.amount());
        }
        if (subtotal.compareTo(invoice.subtotal()) != 0
                || invoice.subtotal().add(invoice.taxAmount()).compareTo(invoice.total()) != 0) {
            throw refused(
                    invoice,
                    "its lines add up to " + subtotal + " and its subtotal " + invoice.subtotal() + " plus tax "
                            + invoice.taxAmount() + " to " + invoice.total() + "; nothing was sent");
        }
        if (invoice.taxAmount().signum() != 0 && !taxable.contains(true)) {
            throw refused(invoice, "it has tax " + invoice.taxAmount() + " but no taxable line; nothing was sent");
        }
        return TaxShares.apply(lines, taxable, invoice.taxAmount(), scale);
    }

    /** Xero identifies the customer by its ContactID, a UUID; anything else is a configuration mistake. */
    private String contactId(PushRequest request) {
        String id = request.accountId();
        String where = "customers." + request.customer().id() + ".accounting." + connectorId;
        if (id == null || id.isBlank()) {
            throw refused(request.invoice(), where + " is not set: it must be the customer's Xero ContactID");
        }
        if (!UUID.matcher(id.strip()).matches()) {
            throw refused(request.invoice(), where + " must be a Xero ContactID (a UUID), not '" + id + "'");
        }
        return id.strip();
    }

    private SourceException refused(Invoice invoice, String problem) {
        return SourceException.of(connectorId, "invoice " + invoice.number() + " cannot go to Xero: " + problem);
    }
}
