package io.truecount.app.export;

import com.fasterxml.jackson.core.JsonGenerator;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.money.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** {@code invoices.json} exactly as OUTPUTS.md defines it: decimals as strings, money at the currency's scale. */
final class InvoicesJson {

    private InvoicesJson() {}

    static void write(JsonGenerator json, YearMonth period, List<Invoice> invoices) throws IOException {
        json.writeStartObject();
        json.writeStringField("period", period.toString());
        json.writeArrayFieldStart("invoices");
        for (Invoice invoice : invoices) {
            invoice(json, invoice);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void invoice(JsonGenerator json, Invoice invoice) throws IOException {
        json.writeStartObject();
        json.writeStringField("number", invoice.number());
        json.writeStringField("customer", invoice.customerId());
        json.writeStringField("currency", invoice.currency().getCurrencyCode());
        json.writeStringField("status", invoice.status().name());
        json.writeStringField("periodStart", invoice.periodStart().toString());
        json.writeStringField("periodEnd", invoice.periodEnd().toString());
        json.writeStringField("issueDate", invoice.issueDate().toString());
        json.writeStringField("dueDate", invoice.dueDate().toString());
        json.writeArrayFieldStart("lines");
        for (InvoiceLine line : invoice.lines()) {
            json.writeStartObject();
            json.writeStringField("contract", line.contractId());
            json.writeStringField("line", line.lineId());
            json.writeStringField("description", line.description());
            json.writeStringField("quantity", Decimals.quantity(line.quantity()));
            if (line.unitPrice() != null) {
                json.writeStringField("unitPrice", Decimals.price(line.unitPrice(), invoice.currency()));
            }
            json.writeStringField("amount", money(line.amount(), invoice));
            json.writeBooleanField("taxable", line.taxable());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("subtotal", money(invoice.subtotal(), invoice));
        json.writeStringField("tax", money(invoice.taxAmount(), invoice));
        json.writeStringField("total", money(invoice.total(), invoice));
        json.writeEndObject();
    }

    private static String money(BigDecimal amount, Invoice invoice) {
        return amount.setScale(Money.scale(invoice.currency())).toPlainString();
    }
}
