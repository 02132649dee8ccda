package io.truecount.app.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Invoice headers for listings: one query, no lines (an invoice can carry thousands of line sources). */
@Repository
public class InvoiceListing {

    /** The most one listing returns. */
    public static final int MAX_LIMIT = 5000;

    /** @param credited whether a credit note replaced it (it is then no longer its period's invoice) */
    public record Header(
            String number,
            String customerId,
            String period,
            String status,
            String currency,
            BigDecimal subtotal,
            BigDecimal tax,
            BigDecimal total,
            LocalDate issueDate,
            LocalDate dueDate,
            boolean credited) {}

    private final JdbcTemplate jdbc;

    InvoiceListing(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest period first, then by number; every filter is optional. */
    public List<Header> list(YearMonth period, String status, String customer, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        StringBuilder sql = new StringBuilder("select number, customer_id, period, status, currency, subtotal,"
                + " tax_amount, total, issue_date, due_date, credited_by is not null from invoice where true");
        List<Object> args = new ArrayList<>();
        if (period != null) {
            sql.append(" and period = ?");
            args.add(period.toString());
        }
        if (status != null && !status.isBlank()) {
            sql.append(" and status = ?");
            args.add(status(status));
        }
        if (customer != null && !customer.isBlank()) {
            sql.append(" and customer_id = ?");
            args.add(customer);
        }
        sql.append(" order by period desc, number limit ?");
        args.add(Math.min(limit, MAX_LIMIT));
        return jdbc.query(
                sql.toString(),
                (rs, n) -> new Header(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7),
                        rs.getBigDecimal(8),
                        rs.getDate(9).toLocalDate(),
                        rs.getDate(10).toLocalDate(),
                        rs.getBoolean(11)),
                args.toArray());
    }

    private static String status(String text) {
        try {
            return io.truecount.core.invoice.InvoiceStatus.valueOf(text.toUpperCase(Locale.ROOT))
                    .name();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown invoice status '" + text + "'");
        }
    }
}
