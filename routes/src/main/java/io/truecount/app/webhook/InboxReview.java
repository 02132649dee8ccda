package io.truecount.app.webhook;

import io.truecount.app.audit.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhook inbox as an admin reviews it: events without their bodies (a payload may carry a customer's details,
 * and nobody reviewing needs it), dead letters, and replaying one as {@code truecount webhooks replay} does.
 */
@Service
public class InboxReview {

    /** The most a listing returns. */
    public static final int MAX_LIMIT = 500;

    private static final Set<String> STATES = Set.of("RECEIVED", "PROCESSED", "DEAD");

    /** One event without its payload. */
    public record Event(
            long id,
            String connector,
            String eventId,
            String type,
            String state,
            int attempts,
            Instant receivedAt,
            Instant processedAt,
            String error) {}

    private final JdbcTemplate jdbc;
    private final Inbox inbox;
    private final InboxWorker worker;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    InboxReview(
            JdbcTemplate jdbc,
            Inbox inbox,
            InboxWorker worker,
            AuditLog audit,
            Clock clock,
            TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.worker = worker;
        this.audit = audit;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** Newest first; state (RECEIVED, PROCESSED, DEAD) and connector are optional filters. */
    public List<Event> list(String state, String connector, int limit) {
        String wanted = state == null || state.isBlank() ? null : state.toUpperCase(java.util.Locale.ROOT);
        if (wanted != null && !STATES.contains(wanted)) {
            throw new IllegalArgumentException("state must be one of RECEIVED, PROCESSED, DEAD, not '" + state + "'");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        StringBuilder sql = new StringBuilder("select id, connector_id, event_id, event_type, state, attempts,"
                + " received_at, processed_at, last_error from webhook_event where true");
        List<Object> args = new ArrayList<>();
        if (wanted != null) {
            sql.append(" and state = ?");
            args.add(wanted);
        }
        if (connector != null && !connector.isBlank()) {
            sql.append(" and connector_id = ?");
            args.add(connector);
        }
        sql.append(" order by id desc limit ?");
        args.add(Math.min(limit, MAX_LIMIT));
        return jdbc.query(sql.toString(), InboxReview::row, args.toArray());
    }

    public Event find(long id) {
        return jdbc
                .query(
                        "select id, connector_id, event_id, event_type, state, attempts, received_at, processed_at,"
                                + " last_error from webhook_event where id = ?",
                        InboxReview::row,
                        id)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no webhook event " + id));
    }

    /** Processes a dead letter (or a processed event) again now; the event as it stands afterwards. */
    public Event replay(long id, String actor, String reason) {
        transaction.executeWithoutResult(status -> {
            Event before = find(id);
            if (!inbox.replay(id, clock.instant())) {
                throw new IllegalStateException("webhook event " + id + " is " + before.state()
                        + "; only DEAD or PROCESSED events are replayed");
            }
            audit.record(
                    actor,
                    AuditLog.WEBHOOK_REPLAY,
                    Long.toString(id),
                    reason,
                    Map.of(
                            "connector",
                            before.connector(),
                            "eventId",
                            before.eventId(),
                            "previousState",
                            before.state()));
        });
        worker.drain();
        return find(id);
    }

    private static Event row(ResultSet rs, int n) throws SQLException {
        Timestamp processed = rs.getTimestamp(8);
        return new Event(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getTimestamp(7).toInstant(),
                processed == null ? null : processed.toInstant(),
                rs.getString(9));
    }
}
