package io.truecount.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * What the server did with the posted events, read from its database (never from what the bench expects): the inbox
 * rows against the distinct events sent, their states and processing lag, the payment history rows against the
 * events that name an invoice Truecount pushed, and the status of invoices Stripe reported paid.
 *
 * @param stored inbox rows of the connector
 * @param lost events sent (and answered or not) that have no inbox row
 * @param duplicated inbox rows beyond one per distinct event sent (a row for an id never sent counts too)
 * @param namingInvoice stored events whose Stripe invoice id is the external id of one of our pushes
 * @param effectsMissing of those, events without a payment history row
 * @param effectsDuplicated payment history rows beyond one per such event (rows for other events count too)
 * @param notPaid invoices with a stored {@code invoice.paid} event whose status is not PAID
 * @param lagP50 processing lag ({@code processed_at - received_at}) of PROCESSED events, median
 */
record WebhookAudit(
        long stored,
        long lost,
        long duplicated,
        long processed,
        long dead,
        long received,
        long namingInvoice,
        long effects,
        long effectsMissing,
        long effectsDuplicated,
        long notPaid,
        Duration lagP50,
        Duration lagP99,
        Duration lagMax) {

    /** The Stripe invoice an event is about: {@code data.object.id} of invoice events, the charge's invoice else. */
    private static final String INVOICE_OF_EVENT = "case when w.event_type like 'invoice.%'"
            + " then convert_from(w.payload, 'UTF8')::jsonb #>> '{data,object,id}'"
            + " else convert_from(w.payload, 'UTF8')::jsonb #>> '{data,object,invoice}' end";

    private static final String NAMING = "select w.event_id, w.event_type, p.invoice_number from webhook_event w"
            + " join push p on p.connector_id = w.connector_id and p.external_id = " + INVOICE_OF_EVENT
            + " where w.connector_id = ?";

    /** Inbox rows still to be processed (RECEIVED). */
    static long pending(DataSource database, String connector) throws SQLException {
        try (Connection c = database.getConnection()) {
            return count(
                    c, "select count(*) from webhook_event where connector_id = ? and state = 'RECEIVED'", connector);
        }
    }

    static WebhookAudit of(DataSource database, String connector, Collection<String> sentIds) throws SQLException {
        try (Connection c = database.getConnection()) {
            Set<String> sent = new HashSet<>(sentIds);
            Set<String> storedIds = new HashSet<>();
            long rows = 0;
            try (PreparedStatement s =
                    c.prepareStatement("select event_id from webhook_event where connector_id = ?")) {
                s.setString(1, connector);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        storedIds.add(rs.getString(1));
                    }
                }
            }
            long lost = sent.stream().filter(id -> !storedIds.contains(id)).count();
            long unexpected =
                    storedIds.stream().filter(id -> !sent.contains(id)).count();
            long duplicated = rows - storedIds.size() + unexpected;

            String state = "select count(*) from webhook_event where connector_id = ? and state = ";
            long named = count(c, "select count(*) from (" + NAMING + ") n", connector);
            long missing = count(
                    c,
                    "select count(*) from (" + NAMING + ") n where not exists (select 1 from payment_event e"
                            + " where e.connector_id = ? and e.event_id = n.event_id)",
                    connector,
                    connector);
            long effects = count(c, "select count(*) from payment_event where connector_id = ?", connector);
            long beyondOne = count(
                    c,
                    "select count(*) - count(distinct event_id) + count(*) filter (where event_id not in"
                            + " (select event_id from (" + NAMING + ") n)) from payment_event where connector_id = ?",
                    connector,
                    connector);
            long notPaid = count(
                    c,
                    "select count(*) from invoice i where i.status <> 'PAID' and exists (select 1 from (" + NAMING
                            + ") n where n.invoice_number = i.number and n.event_type = 'invoice.paid')",
                    connector);
            Duration[] lag = lag(c, connector);
            return new WebhookAudit(
                    rows,
                    lost,
                    duplicated,
                    count(c, state + "'PROCESSED'", connector),
                    count(c, state + "'DEAD'", connector),
                    count(c, state + "'RECEIVED'", connector),
                    named,
                    effects,
                    missing,
                    beyondOne,
                    notPaid,
                    lag[0],
                    lag[1],
                    lag[2]);
        }
    }

    private static Duration[] lag(Connection c, String connector) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select percentile_cont(0.5) within group (order by lag),"
                + " percentile_cont(0.99) within group (order by lag), max(lag) from (select extract(epoch from"
                + " processed_at - received_at) as lag from webhook_event where connector_id = ? and state ="
                + " 'PROCESSED') l")) {
            s.setString(1, connector);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Duration[] {seconds(rs.getDouble(1)), seconds(rs.getDouble(2)), seconds(rs.getDouble(3))};
            }
        }
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static long count(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
