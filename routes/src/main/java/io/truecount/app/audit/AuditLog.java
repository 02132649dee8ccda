package io.truecount.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code audit_log} table. {@link #record} joins the caller's transaction: call it where the change is made (the
 * service or ledger path every caller shares), not in a controller, so the CLI's changes are audited too.
 */
@Repository
public class AuditLog {

    /** The actions Truecount records; other helpers' features use these names too. */
    public static final String INVOICE_APPROVE = "invoice.approve";

    public static final String INVOICE_HOLD = "invoice.hold";
    public static final String INVOICE_RELEASE = "invoice.release";
    public static final String INVOICE_VOID = "invoice.void";
    public static final String INVOICE_PUSH = "invoice.push";
    public static final String RECONCILIATION_ACKNOWLEDGE = "reconciliation.acknowledge";
    public static final String RECONCILIATION_DISMISS = "reconciliation.dismiss";
    public static final String WEBHOOK_REPLAY = "webhook.replay";
    public static final String CONFIG_RELOAD = "config.reload";
    public static final String SYNC_TRIGGER = "sync.trigger";
    public static final String CYCLE_TRIGGER = "cycle.trigger";
    public static final String TOKEN_CREATE = "token.create";
    public static final String TOKEN_REVOKE = "token.revoke";

    /** The most a query returns, whatever it asks for: the log only grows. */
    public static final int MAX_LIMIT = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One recorded action.
     *
     * @param target what it was done to (an invoice number, an item id, a connector), null when nothing in particular
     * @param details what changed, as JSON; never a secret
     */
    public record Entry(
            long id,
            Instant at,
            String actor,
            String action,
            String target,
            String reason,
            Map<String, Object> details) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action now; a blank reason is stored as none. */
    public void record(String actor, String action, String target, String reason, Map<String, ?> details) {
        jdbc.update(
                "insert into audit_log (at, actor, action, target, reason, details)"
                        + " values (?, ?, ?, ?, ?, cast(? as jsonb))",
                Timestamp.from(clock.instant()),
                actor == null || actor.isBlank() ? "system" : actor,
                action,
                target,
                reason == null || reason.isBlank() ? null : reason,
                json(details == null ? Map.of() : details));
    }

    /** Newest first, optionally only one actor's or one action's, at most {@code limit} (capped). */
    public List<Entry> query(String actor, String action, int limit) {
        StringBuilder sql = new StringBuilder(
                "select id, at, actor, action, target, reason, details::text from audit_log where true");
        List<Object> args = new ArrayList<>();
        if (actor != null && !actor.isBlank()) {
            sql.append(" and actor = ?");
            args.add(actor);
        }
        if (action != null && !action.isBlank()) {
            sql.append(" and action = ?");
            args.add(action);
        }
        sql.append(" order by id desc limit ?");
        args.add(Math.max(0, Math.min(limit, MAX_LIMIT)));
        return jdbc.query(sql.toString(), AuditLog::row, args.toArray());
    }

    private static Entry row(ResultSet rs, int n) throws SQLException {
        return new Entry(
                rs.getLong(1),
                rs.getTimestamp(2).toInstant(),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                details(rs.getString(7)));
    }

    private static String json(Map<String, ?> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details are not serialisable: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> details(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
