package io.truecount.app.invoice;

import io.truecount.core.invoice.CreditNote;
import io.truecount.core.invoice.InvoiceLine;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Credit notes and their lines; the caller marks the credited invoice in the same transaction. */
final class CreditNoteTable {

    private static final String COLUMNS = "number, invoice_number, customer_id, period, currency, issue_date,"
            + " tax_rate, tax_category, tax_exemption_reason, subtotal, tax_amount, total, reason";

    private final JdbcTemplate jdbc;
    private final LineTable lines;

    CreditNoteTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.lines = new LineTable(jdbc, "credit_note_line", "credit_note_line_source", "credit_note_number");
    }

    void insert(CreditNote note) {
        jdbc.update(
                "insert into credit_note (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                note.number(),
                note.invoiceNumber(),
                note.customerId(),
                note.period().toString(),
                note.currency().getCurrencyCode(),
                Date.valueOf(note.issueDate()),
                note.tax().ratePercent(),
                note.tax().category(),
                note.tax().exemptionReason(),
                note.subtotal(),
                note.taxAmount(),
                note.total(),
                note.reason());
        lines.insert(note.number(), note.lines());
    }

    List<CreditNote> byPeriod(YearMonth period) {
        List<CreditNote> headers = jdbc.query(
                "select " + COLUMNS + " from credit_note where period = ? order by number",
                (rs, n) -> header(rs),
                period.toString());
        Map<String, List<InvoiceLine>> byNumber =
                lines.load(headers.stream().map(CreditNote::number).toList());
        return headers.stream()
                .map(h -> withLines(h, byNumber.getOrDefault(h.number(), List.of())))
                .toList();
    }

    private static CreditNote header(ResultSet rs) throws SQLException {
        return new CreditNote(
                rs.getString("number"),
                rs.getString("invoice_number"),
                rs.getString("customer_id"),
                YearMonth.parse(rs.getString("period")),
                Currency.getInstance(rs.getString("currency")),
                rs.getDate("issue_date").toLocalDate(),
                List.of(),
                JdbcInvoiceStore.taxRule(rs),
                rs.getBigDecimal("subtotal"),
                rs.getBigDecimal("tax_amount"),
                rs.getBigDecimal("total"),
                rs.getString("reason"));
    }

    private static CreditNote withLines(CreditNote h, List<InvoiceLine> noteLines) {
        return new CreditNote(
                h.number(),
                h.invoiceNumber(),
                h.customerId(),
                h.period(),
                h.currency(),
                h.issueDate(),
                noteLines,
                h.tax(),
                h.subtotal(),
                h.taxAmount(),
                h.total(),
                h.reason());
    }
}
