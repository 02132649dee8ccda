package io.truecount.app.webhook;

import io.truecount.connector.webhook.InboundEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code webhook_event} table; every method joins the caller's transaction. */
@Repository
public class Inbox {

    private static final String COLUMNS =
            "id, connector_id, event_id, event_type, payload, state, attempts," + " received_at, outcome, last_error";

    private final JdbcTemplate jdbc;

    Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the events not stored before; a redelivered event id is skipped. Returns how many were new. */
    int store(String connectorId, List<InboundEvent> events, Instant now) {
        int added = 0;
        for (InboundEvent event : events) {
            added += jdbc.update(
                    "insert into webhook_event (connector_id, event_id, event_type, payload, state, next_attempt_at,"
                            + " received_at) values (?, ?, ?, ?, 'RECEIVED', ?, ?) on conflict do nothing",
                    connectorId,
                    event.eventId(),
                    event.type(),
                    event.payload(),
                    Timestamp.from(now),
                    Timestamp.from(now));
        }
        return added;
    }

    /** Locks up to {@code limit} of the oldest due events no other worker holds, until the transaction ends. */
    List<StoredEvent> claim(Instant now, int limit) {
        return jdbc.query(
                "select " + COLUMNS + " from webhook_event where state = 'RECEIVED' and next_attempt_at <= ?"
                        + " order by id limit ? for update skip locked",
                Inbox::row,
                Timestamp.from(now),
                limit);
    }

    void processed(long id, String outcome, Instant now) {
        jdbc.update(
                "update webhook_event set state = 'PROCESSED', outcome = ?, processed_at = ?, attempts = attempts + 1,"
                        + " last_error = null where id = ?",
                outcome,
                Timestamp.from(now),
                id);
    }

    /** A failed attempt: due again at {@code next}, or a dead letter when {@code next} is null. */
    void failed(long id, String error, Instant next) {
        jdbc.update(
                "update webhook_event set attempts = attempts + 1, last_error = ?, state = ?, next_attempt_at ="
                        + " coalesce(?, next_attempt_at) where id = ?",
                error,
                next == null ? "DEAD" : "RECEIVED",
                next == null ? null : Timestamp.from(next),
                id);
    }

    /** An admin replays a dead letter (or re-runs a processed event): it is processed again from the start. */
    public boolean replay(long id, Instant now) {
        return jdbc.update(
                        "update webhook_event set state = 'RECEIVED', attempts = 0, next_attempt_at = ?,"
                                + " last_error = null where id = ? and state in ('DEAD', 'PROCESSED')",
                        Timestamp.from(now),
                        id)
                == 1;
    }

    /** Events in a state (RECEIVED, PROCESSED, DEAD), newest first. */
    public List<StoredEvent> list(String state, int limit) {
        return jdbc.query(
                "select " + COLUMNS + " from webhook_event where state = ? order by id desc limit ?",
                Inbox::row,
                state,
                limit);
    }

    public Optional<StoredEvent> find(long id) {
        return jdbc.query("select " + COLUMNS + " from webhook_event where id = ?", Inbox::row, id).stream()
                .findFirst();
    }

    /** How many events are in each state, for summaries and the load bench. */
    public long count(String state) {
        Long n = jdbc.queryForObject("select count(*) from webhook_event where state = ?", Long.class, state);
        return n == null ? 0 : n;
    }

    private static StoredEvent row(ResultSet rs, int n) throws SQLException {
        return new StoredEvent(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBytes(5),
                rs.getString(6),
                rs.getInt(7),
                rs.getTimestamp(8).toInstant(),
                rs.getString(9),
                rs.getString(10));
    }
}
