package io.truecount.sim.xero;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Xero's JSON: the response envelope, invoices with MS-JSON dates, and its error shapes. */
final class XeroJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private XeroJson() {}

    static JsonNode parse(String body) throws JsonProcessingException {
        return MAPPER.readTree(body);
    }

    /** {@code /Date(1552327126164+0000)/}. */
    static String msDate(Instant instant) {
        return "/Date(" + instant.toEpochMilli() + "+0000)/";
    }

    static String msDate(LocalDate date) {
        return msDate(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** {@code {"Id","Status":"OK","ProviderName","DateTimeUTC", <key>: [...]}}. */
    static ObjectNode envelope(Instant now) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("Id", UUID.randomUUID().toString());
        root.put("Status", "OK");
        root.put("ProviderName", "Truecount Xero simulator");
        root.put("DateTimeUTC", "/Date(" + now.toEpochMilli() + ")/");
        return root;
    }

    static String invoices(Instant now, List<SimInvoice> invoices) {
        ObjectNode root = envelope(now);
        ArrayNode array = root.putArray("Invoices");
        invoices.forEach(invoice -> array.add(invoice(invoice)));
        return write(root);
    }

    static ObjectNode invoice(SimInvoice invoice) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("Type", invoice.type());
        json.put("InvoiceID", invoice.invoiceId());
        json.put("InvoiceNumber", invoice.invoiceNumber());
        json.put("Reference", invoice.reference());
        json.putObject("Contact").put("ContactID", invoice.contactId());
        if (invoice.date() != null) {
            json.put("DateString", invoice.date() + "T00:00:00");
            json.put("Date", msDate(invoice.date()));
        }
        if (invoice.dueDate() != null) {
            json.put("DueDateString", invoice.dueDate() + "T00:00:00");
            json.put("DueDate", msDate(invoice.dueDate()));
        }
        json.put("Status", invoice.status());
        json.put("LineAmountTypes", invoice.lineAmountTypes());
        ArrayNode items = json.putArray("LineItems");
        for (SimInvoice.Line line : invoice.lines()) {
            ObjectNode item = items.addObject();
            item.put("LineItemID", line.lineItemId());
            item.put("Description", line.description());
            item.put("Quantity", line.quantity());
            item.put("UnitAmount", line.unitAmount());
            item.put("TaxType", line.taxType());
            item.put("TaxAmount", line.taxAmount());
            item.put("LineAmount", line.lineAmount());
            item.put("AccountCode", line.accountCode());
            item.putArray("Tracking");
        }
        json.put("SubTotal", invoice.subTotal());
        json.put("TotalTax", invoice.totalTax());
        json.put("Total", invoice.total());
        json.put("AmountDue", invoice.total());
        json.put("AmountPaid", 0);
        json.put("UpdatedDateUTC", msDate(invoice.updated()));
        json.put("CurrencyCode", invoice.currencyCode());
        json.put("HasErrors", false);
        return json;
    }

    /** A 400 {@code ValidationException}: each element is an invoice as sent, with its validation errors. */
    static String validationException(List<ObjectNode> elements) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("ErrorNumber", 10);
        root.put("Type", "ValidationException");
        root.put("Message", "A validation exception occurred");
        root.putArray("Elements").addAll(elements);
        return write(root);
    }

    static ObjectNode element(ObjectNode invoice, List<String> messages) {
        invoice.put("HasErrors", !messages.isEmpty());
        ArrayNode errors = invoice.putArray("ValidationErrors");
        messages.forEach(message -> errors.addObject().put("Message", message));
        return invoice;
    }

    /** A 400 of a body Xero could not read. */
    static String postDataInvalid(String message) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("ErrorNumber", 14);
        root.put("Type", "PostDataInvalidException");
        root.put("Message", message);
        return write(root);
    }

    /** Xero's problem-details shape of 401, 403 and 429. */
    static String problem(int status, String title, String detail) {
        ObjectNode root = MAPPER.createObjectNode();
        root.putNull("Type");
        root.put("Title", title);
        root.put("Status", status);
        root.put("Detail", detail);
        root.putObject("Extensions");
        return write(root);
    }

    static String organisation(Instant now, String tenantId) {
        ObjectNode root = envelope(now);
        ObjectNode org = root.putArray("Organisations").addObject();
        org.put("OrganisationID", tenantId);
        org.put("Name", "Truecount Simulated Ltd");
        org.put("LegalName", "Truecount Simulated Ltd");
        org.put("BaseCurrency", "USD");
        org.put("CountryCode", "US");
        org.put("OrganisationType", "COMPANY");
        org.put("OrganisationStatus", "ACTIVE");
        org.put("IsDemoCompany", false);
        return write(root);
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
