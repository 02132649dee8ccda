package io.truecount.app.export;

import com.fasterxml.jackson.core.JsonGenerator;
import io.truecount.core.invoice.CreditNote;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.SourceRef;
import io.truecount.core.money.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/**
 * {@code invoices.json} exactly as OUTPUTS.md defines it: decimals as strings, money at the currency's scale. Two
 * extensions (docs/outputs.md) appear only when they have content: a line's {@code sources} and the period's
 * {@code creditNotes}.
 */
final class InvoicesJson {

    private InvoicesJson() {}

    static void write(JsonGenerator json, YearMonth period, List<Invoice> invoices, List<CreditNote> creditNotes)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("period", period.toString());
        json.writeArrayFieldStart("invoices");
        for (Invoice invoice : invoices) {
            invoice(json, invoice);
        }
        json.writeEndArray();
        if (!creditNotes.isEmpty()) {
            json.writeArrayFieldStart("creditNotes");
            for (CreditNote note : creditNotes) {
                creditNote(json, note);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void invoice(JsonGenerator json, Invoice invoice) throws IOException {
        Currency currency = invoice.currency();
        json.writeStartObject();
        json.writeStringField("number", invoice.number());
        json.writeStringField("customer", invoice.customerId());
        json.writeStringField("currency", currency.getCurrencyCode());
        json.writeStringField("status", invoice.status().name());
        json.writeStringField("periodStart", invoice.periodStart().toString());
        json.writeStringField("periodEnd", invoice.periodEnd().toString());
        json.writeStringField("issueDate", invoice.issueDate().toString());
        json.writeStringField("dueDate", invoice.dueDate().toString());
        lines(json, invoice.lines(), currency);
        totals(json, invoice.subtotal(), invoice.taxAmount(), invoice.total(), currency);
        json.writeEndObject();
    }

    /** A credit note credits its invoice in full; amounts are positive, the document type carries the sign. */
    private static void creditNote(JsonGenerator json, CreditNote note) throws IOException {
        Currency currency = note.currency();
        json.writeStartObject();
        json.writeStringField("number", note.number());
        json.writeStringField("invoice", note.invoiceNumber());
        json.writeStringField("customer", note.customerId());
        json.writeStringField("currency", currency.getCurrencyCode());
        json.writeStringField("issueDate", note.issueDate().toString());
        json.writeStringField("reason", note.reason());
        lines(json, note.lines(), currency);
        totals(json, note.subtotal(), note.taxAmount(), note.total(), currency);
        json.writeEndObject();
    }

    private static void lines(JsonGenerator json, List<InvoiceLine> lines, Currency currency) throws IOException {
        json.writeArrayFieldStart("lines");
        for (InvoiceLine line : lines) {
            json.writeStartObject();
            json.writeStringField("contract", line.contractId());
            json.writeStringField("line", line.lineId());
            json.writeStringField("description", line.description());
            json.writeStringField("quantity", Decimals.quantity(line.quantity()));
            if (line.unitPrice() != null) {
                json.writeStringField("unitPrice", Decimals.price(line.unitPrice(), currency));
            }
            json.writeStringField("amount", money(line.amount(), currency));
            json.writeBooleanField("taxable", line.taxable());
            sources(json, line.sources());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** What the line's quantity was computed from, so every billed unit traces back to a vendor record. */
    private static void sources(JsonGenerator json, List<SourceRef> sources) throws IOException {
        if (sources.isEmpty()) {
            return;
        }
        json.writeArrayFieldStart("sources");
        for (SourceRef source : sources) {
            json.writeStartObject();
            json.writeStringField("type", source.type());
            json.writeStringField("connector", source.connectorId());
            json.writeStringField("id", source.externalId());
            json.writeStringField("label", source.label());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void totals(
            JsonGenerator json, BigDecimal subtotal, BigDecimal tax, BigDecimal total, Currency currency)
            throws IOException {
        json.writeStringField("subtotal", money(subtotal, currency));
        json.writeStringField("tax", money(tax, currency));
        json.writeStringField("total", money(total, currency));
    }

    private static String money(BigDecimal amount, Currency currency) {
        return amount.setScale(Money.scale(currency)).toPlainString();
    }
}
