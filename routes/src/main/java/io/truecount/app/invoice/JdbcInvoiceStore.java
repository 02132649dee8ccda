package io.truecount.app.invoice;

import io.truecount.core.contract.TaxRule;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.invoice.InvoiceStatus;
import io.truecount.core.invoice.InvoiceStore;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The billing core's invoice store on PostgreSQL. Callers hold the transaction; every method joins it. */
@Repository
public class JdbcInvoiceStore implements InvoiceStore {

    private static final String COLUMNS = "number, customer_id, period, currency, status, issue_date, due_date,"
            + " period_start, period_end, tax_rate, tax_category, tax_exemption_reason, subtotal, tax_amount, total";

    private final JdbcTemplate jdbc;

    JdbcInvoiceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Invoice> find(String customerId, YearMonth period) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from invoice where customer_id = ? and period = ?",
                        (rs, n) -> invoice(rs),
                        customerId,
                        period.toString())
                .stream()
                .findFirst();
    }

    @Override
    public List<Invoice> findByPeriod(YearMonth period) {
        return jdbc.query(
                "select " + COLUMNS + " from invoice where period = ? order by customer_id",
                (rs, n) -> invoice(rs),
                period.toString());
    }

    @Override
    public long reserveSequence(String prefix, YearMonth period) {
        // One statement, so two instances numbering at once still never get the same value.
        return jdbc.queryForObject(
                "insert into invoice_sequence (prefix, period, last_value) values (?, ?, 1)"
                        + " on conflict (prefix, period) do update set last_value = invoice_sequence.last_value + 1"
                        + " returning last_value",
                Long.class,
                prefix,
                period.toString());
    }

    @Override
    public void insert(Invoice invoice) {
        jdbc.update(
                "insert into invoice (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                invoice.number(),
                invoice.customerId(),
                invoice.period().toString(),
                invoice.currency().getCurrencyCode(),
                invoice.status().name(),
                Date.valueOf(invoice.issueDate()),
                Date.valueOf(invoice.dueDate()),
                Date.valueOf(invoice.periodStart()),
                Date.valueOf(invoice.periodEnd()),
                invoice.tax().ratePercent(),
                invoice.tax().category(),
                invoice.tax().exemptionReason(),
                invoice.subtotal(),
                invoice.taxAmount(),
                invoice.total());
        insertLines(invoice);
    }

    @Override
    public void update(Invoice invoice) {
        jdbc.update(
                "update invoice set status = ?, period_start = ?, period_end = ?, tax_rate = ?, tax_category = ?,"
                        + " tax_exemption_reason = ?, subtotal = ?, tax_amount = ?, total = ?, updated_at = now()"
                        + " where number = ?",
                invoice.status().name(),
                Date.valueOf(invoice.periodStart()),
                Date.valueOf(invoice.periodEnd()),
                invoice.tax().ratePercent(),
                invoice.tax().category(),
                invoice.tax().exemptionReason(),
                invoice.subtotal(),
                invoice.taxAmount(),
                invoice.total(),
                invoice.number());
        jdbc.update("delete from invoice_line where invoice_number = ?", invoice.number());
        insertLines(invoice);
    }

    @Override
    public void recordTransition(
            String number, InvoiceStatus from, InvoiceStatus to, String actor, String reason, Instant at) {
        jdbc.update(
                "insert into invoice_transition (invoice_number, from_status, to_status, actor, reason, at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                number,
                from == null ? null : from.name(),
                to.name(),
                actor,
                reason,
                Timestamp.from(at));
    }

    private void insertLines(Invoice invoice) {
        List<InvoiceLine> lines = invoice.lines();
        List<Integer> positions = IntStream.range(0, lines.size()).boxed().toList();
        jdbc.batchUpdate(
                "insert into invoice_line (invoice_number, position, contract_id, line_id, description, quantity,"
                        + " unit, unit_price, amount, taxable) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                positions,
                positions.size(),
                (ps, position) -> {
                    InvoiceLine line = lines.get(position);
                    ps.setString(1, invoice.number());
                    ps.setInt(2, position + 1);
                    ps.setString(3, line.contractId());
                    ps.setString(4, line.lineId());
                    ps.setString(5, line.description());
                    ps.setBigDecimal(6, line.quantity());
                    ps.setString(7, line.unit().name());
                    ps.setBigDecimal(8, line.unitPrice());
                    ps.setBigDecimal(9, line.amount());
                    ps.setBoolean(10, line.taxable());
                });
    }

    private Invoice invoice(ResultSet rs) throws SQLException {
        String number = rs.getString("number");
        return new Invoice(
                number,
                rs.getString("customer_id"),
                YearMonth.parse(rs.getString("period")),
                Currency.getInstance(rs.getString("currency")),
                InvoiceStatus.valueOf(rs.getString("status")),
                rs.getDate("issue_date").toLocalDate(),
                rs.getDate("due_date").toLocalDate(),
                rs.getDate("period_start").toLocalDate(),
                rs.getDate("period_end").toLocalDate(),
                lines(number),
                new TaxRule(
                        rs.getBigDecimal("tax_rate"),
                        rs.getString("tax_category"),
                        rs.getString("tax_exemption_reason")),
                rs.getBigDecimal("subtotal"),
                rs.getBigDecimal("tax_amount"),
                rs.getBigDecimal("total"));
    }

    private List<InvoiceLine> lines(String number) {
        return jdbc.query(
                "select contract_id, line_id, description, quantity, unit, unit_price, amount, taxable"
                        + " from invoice_line where invoice_number = ? order by position",
                (rs, n) -> new InvoiceLine(
                        rs.getString("contract_id"),
                        rs.getString("line_id"),
                        rs.getString("description"),
                        rs.getBigDecimal("quantity"),
                        InvoiceLine.Unit.valueOf(rs.getString("unit")),
                        rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("amount"),
                        rs.getBoolean("taxable")),
                number);
    }
}
