package io.truecount.app.cycle;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Read-only views of what ran: sync runs of a connector and billing runs, newest first, for the API. */
@Repository
public class RunHistory {

    /** One sync run; counters are as of its last progress record while it runs. */
    public record SyncRun(
            long id,
            String connector,
            String status,
            Instant startedAt,
            Instant finishedAt,
            long pages,
            long records,
            long requests,
            long retries,
            long throttles,
            String error) {}

    /** One billing cycle run. */
    public record BillingRun(long id, String period, Instant asOf, Instant startedAt, List<String> failedCustomers) {}

    private final JdbcTemplate jdbc;

    public RunHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<SyncRun> syncRuns(String connectorId, int limit) {
        return jdbc.query(
                "select * from sync_run where connector_id = ? order by id desc limit ?",
                RunHistory::syncRun,
                connectorId,
                limit);
    }

    public Optional<SyncRun> lastSyncRun(String connectorId) {
        return syncRuns(connectorId, 1).stream().findFirst();
    }

    /** The latest run that ended, successfully or not: what a connector's health is judged by. */
    public Optional<SyncRun> lastFinishedSyncRun(String connectorId) {
        return jdbc
                .query(
                        "select * from sync_run where connector_id = ? and status <> 'RUNNING' order by id desc limit 1",
                        RunHistory::syncRun,
                        connectorId)
                .stream()
                .findFirst();
    }

    public List<BillingRun> billingRuns(int limit) {
        return jdbc.query("select * from billing_run order by id desc limit ?", RunHistory::billingRun, limit);
    }

    private static SyncRun syncRun(ResultSet rs, int rowNum) throws SQLException {
        return new SyncRun(
                rs.getLong("id"),
                rs.getString("connector_id"),
                rs.getString("status"),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                rs.getLong("pages"),
                rs.getLong("records"),
                rs.getLong("requests"),
                rs.getLong("retries"),
                rs.getLong("throttles"),
                rs.getString("error"));
    }

    private static BillingRun billingRun(ResultSet rs, int rowNum) throws SQLException {
        Array failed = rs.getArray("failed_customers");
        return new BillingRun(
                rs.getLong("id"),
                rs.getString("period"),
                instant(rs.getTimestamp("as_of")),
                instant(rs.getTimestamp("started_at")),
                failed == null ? List.of() : List.of((String[]) failed.getArray()));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
