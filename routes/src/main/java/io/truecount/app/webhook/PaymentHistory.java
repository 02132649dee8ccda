package io.truecount.app.webhook;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** An invoice's payment history: every payment event applied to it, oldest first. */
@Repository
public class PaymentHistory {

    /**
     * @param amount null when the event carried none (GoCardless)
     * @param note what the state rules made of it ({@code POSTED -> PAID}, {@code late payment failure ignored ...})
     */
    public record Entry(
            Instant occurredAt,
            String connectorId,
            String eventId,
            String kind,
            BigDecimal amount,
            String currency,
            String note) {}

    private final JdbcTemplate jdbc;

    PaymentHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Entry> of(String invoiceNumber) {
        return jdbc.query(
                "select occurred_at, connector_id, event_id, kind, amount, currency, note from payment_event"
                        + " where invoice_number = ? order by occurred_at, id",
                (rs, n) -> new Entry(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBigDecimal(5),
                        rs.getString(6),
                        rs.getString(7)),
                invoiceNumber);
    }
}
