package io.truecount.connector.files;

import io.truecount.connector.push.PushRequest;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.money.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One CSV per invoice for accounting importers (RFC 4180: UTF-8, CRLF, quotes only where needed): a header row, then
 * one row per line, each repeating the invoice's fields so a row can be imported on its own.
 *
 * <p>Money is written with the currency's decimals, never rounded again: the amounts are the invoice's own. A line whose
 * quantity x unit price is not its amount (prorated, tiered, time) gets an empty {@code UnitPrice}, so an importer that
 * multiplies cannot compute another amount than {@code LineAmount}.
 */
final class CsvInvoiceWriter {

    static final List<String> HEADER = List.of(
            "InvoiceNumber",
            "CustomerId",
            "CustomerName",
            "IssueDate",
            "DueDate",
            "Currency",
            "LineNumber",
            "Description",
            "Quantity",
            "UnitPrice",
            "LineAmount",
            "Taxable",
            "TaxRate",
            "TaxCategory",
            "InvoiceSubtotal",
            "InvoiceTax",
            "InvoiceTotal");

    private static final String CRLF = "\r\n";

    private CsvInvoiceWriter() {}

    static byte[] write(PushRequest request) {
        Invoice invoice = request.invoice();
        int scale = Money.scale(invoice.currency());
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER);
        int number = 0;
        for (InvoiceLine line : invoice.lines()) {
            number++;
            row(
                    csv,
                    List.of(
                            invoice.number(),
                            invoice.customerId(),
                            request.customer().name(),
                            invoice.issueDate().toString(),
                            invoice.dueDate().toString(),
                            invoice.currency().getCurrencyCode(),
                            Integer.toString(number),
                            line.description(),
                            plain(line.quantity()),
                            unitPrice(line, scale),
                            money(line.amount(), scale),
                            Boolean.toString(line.taxable()),
                            plain(invoice.tax().ratePercent()),
                            invoice.tax().category(),
                            money(invoice.subtotal(), scale),
                            money(invoice.taxAmount(), scale),
                            money(invoice.total(), scale)));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String unitPrice(InvoiceLine line, int scale) {
        BigDecimal price = line.unitPrice();
        if (price == null || line.quantity().multiply(price).compareTo(line.amount()) != 0) {
            return "";
        }
        return money(price, scale);
    }

    /** The currency's decimals, or more when a unit price has them (0.125 per unit stays 0.125). */
    static String money(BigDecimal amount, int scale) {
        return amount.setScale(Math.max(scale, amount.stripTrailingZeros().scale()))
                .toPlainString();
    }

    /** Quantities and rates as written, without trailing zeros or exponent (12, 1.5, 8.25). */
    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append(CRLF);
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, and its quotes doubled. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
