package io.truecount.app.cycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.core.reconciliation.ReconciliationItem;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Records each billing run and the discrepancies it found, so a later review sees what the run saw. */
@Repository
class BillingRunRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    BillingRunRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long save(
            YearMonth period,
            Instant asOf,
            Instant startedAt,
            Collection<Long> syncRuns,
            Collection<String> failedCustomers,
            List<ReconciliationItem> items) {
        Long id = jdbc.queryForObject(
                "insert into billing_run (period, as_of, started_at, sync_runs, failed_customers)"
                        + " values (?, ?, ?, ?, ?) returning id",
                Long.class,
                period.toString(),
                Timestamp.from(asOf),
                Timestamp.from(startedAt),
                syncRuns.toArray(new Long[0]),
                failedCustomers.stream().sorted().toArray(String[]::new));
        List<Integer> positions = IntStream.range(0, items.size()).boxed().toList();
        jdbc.batchUpdate(
                "insert into reconciliation_item (billing_run_id, position, kind, customer_id, fields)"
                        + " values (?, ?, ?, ?, cast(? as jsonb))",
                positions,
                500,
                (ps, i) -> {
                    ReconciliationItem item = items.get(i);
                    ps.setLong(1, id);
                    ps.setInt(2, i + 1);
                    ps.setString(3, item.kind().name());
                    ps.setString(4, item.field("customer"));
                    ps.setString(5, json(item));
                });
        return id;
    }

    private static String json(ReconciliationItem item) {
        try {
            return JSON.writeValueAsString(item.fields());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise reconciliation item", e);
        }
    }
}
