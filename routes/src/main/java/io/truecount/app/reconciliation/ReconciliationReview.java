package io.truecount.app.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.app.audit.AuditLog;
import io.truecount.core.reconciliation.ReconciliationKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The discrepancies of the latest billing run of each period and what people decided about them. A decision is stored
 * against the item's {@link ItemIdentity}, so it outlives the run it was taken on.
 */
@Service
public class ReconciliationReview {

    public static final String OPEN = "open";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String DISMISSED = "dismissed";

    private static final Set<String> STATES = Set.of(OPEN, ACKNOWLEDGED, DISMISSED);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One item with its decision.
     *
     * @param state {@value #OPEN} until someone acknowledged or dismissed it; reason, actor and decidedAt are then set
     */
    public record Item(
            String id,
            String period,
            String customer,
            String kind,
            String message,
            Map<String, String> fields,
            String state,
            String reason,
            String actor,
            Instant decidedAt) {}

    private record Decision(String state, String reason, String actor, Instant at) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final Clock clock;

    ReconciliationReview(JdbcTemplate jdbc, TransactionTemplate transaction, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param period null: every period's latest run
     * @param customer null: every customer (and items of none, such as unmapped organizations)
     * @param state null: every state
     */
    public List<Item> list(YearMonth period, String customer, String state) {
        if (state != null && !STATES.contains(state)) {
            throw new IllegalArgumentException(
                    "state must be one of open, acknowledged, dismissed, not '" + state + "'");
        }
        List<Item> items = items(period, customer);
        return state == null
                ? items
                : items.stream().filter(i -> i.state().equals(state)).toList();
    }

    public Item acknowledge(String id, String actor, String reason) {
        return decide(id, ACKNOWLEDGED, AuditLog.RECONCILIATION_ACKNOWLEDGE, actor, reason);
    }

    /** @throws IllegalArgumentException without a reason: a dismissed item disappears from review for good */
    public Item dismiss(String id, String actor, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to dismiss a reconciliation item");
        }
        return decide(id, DISMISSED, AuditLog.RECONCILIATION_DISMISS, actor, reason);
    }

    private Item decide(String id, String state, String action, String actor, String reason) {
        return transaction.execute(status -> {
            Item item = find(id);
            Instant now = clock.instant();
            jdbc.update(
                    "insert into reconciliation_decision (item_key, period, kind, customer_id, state, reason, actor,"
                            + " decided_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (item_key) do update set"
                            + " state = excluded.state, reason = excluded.reason, actor = excluded.actor,"
                            + " decided_at = excluded.decided_at",
                    id,
                    item.period(),
                    item.kind(),
                    item.customer(),
                    state,
                    reason,
                    actor,
                    Timestamp.from(now));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("period", item.period());
            details.put("kind", item.kind());
            details.put("customer", item.customer());
            details.put("previousState", item.state());
            audit.record(actor, action, id, reason, details);
            return find(id);
        });
    }

    private Item find(String id) {
        return items(ItemIdentity.periodOf(id), null).stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(
                        "no reconciliation item " + id + " in the latest billing run of its period"));
    }

    private List<Item> items(YearMonth period, String customer) {
        List<Object> args = new ArrayList<>();
        String latest = "select distinct on (period) id, period from billing_run";
        if (period != null) {
            latest += " where period = ?";
            args.add(period.toString());
        }
        String sql = "with latest as (" + latest + " order by period, id desc)"
                + " select l.period, r.kind, r.customer_id, r.fields::text from latest l"
                + " join reconciliation_item r on r.billing_run_id = l.id";
        if (customer != null) {
            sql += " where r.customer_id = ?";
            args.add(customer);
        }
        sql += " order by l.period desc, r.position";
        record Row(YearMonth period, ReconciliationKind kind, String customer, Map<String, String> fields) {}
        List<Row> rows = jdbc.query(
                sql,
                (rs, n) -> new Row(
                        YearMonth.parse(rs.getString(1)),
                        ReconciliationKind.valueOf(rs.getString(2)),
                        rs.getString(3),
                        fields(rs.getString(4))),
                args.toArray());
        Map<String, Decision> decisions = decisions(
                rows.stream().map(r -> r.period().toString()).distinct().toList());
        return rows.stream()
                .map(r -> {
                    String id = ItemIdentity.of(r.period(), r.kind(), r.customer(), r.fields());
                    Decision d = decisions.get(id);
                    return new Item(
                            id,
                            r.period().toString(),
                            r.customer(),
                            r.kind().name(),
                            ItemMessages.of(r.kind(), r.fields()),
                            r.fields(),
                            d == null ? OPEN : d.state(),
                            d == null ? null : d.reason(),
                            d == null ? null : d.actor(),
                            d == null ? null : d.at());
                })
                .toList();
    }

    private Map<String, Decision> decisions(List<String> periods) {
        Map<String, Decision> byKey = new HashMap<>();
        if (periods.isEmpty()) {
            return byKey;
        }
        jdbc.query(
                "select item_key, state, reason, actor, decided_at from reconciliation_decision where period = any (?)",
                rs -> {
                    byKey.put(
                            rs.getString(1),
                            new Decision(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getTimestamp(5).toInstant()));
                },
                (Object) periods.toArray(String[]::new));
        return byKey;
    }

    private static Map<String, String> fields(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored reconciliation item is not a JSON object", e);
        }
    }
}
