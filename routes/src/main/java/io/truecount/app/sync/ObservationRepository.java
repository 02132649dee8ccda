package io.truecount.app.sync;

import io.truecount.connector.SyncStats;
import io.truecount.core.observation.AssetClass;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Sync runs and what they observed, in PostgreSQL. Each page is written in its own statement batch as it arrives, so
 * a sync never holds more than one page in memory; only a run marked SUCCEEDED is ever read back for billing.
 */
@Repository
public class ObservationRepository {

    private final JdbcTemplate jdbc;

    ObservationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long startRun(String connectorId, Instant startedAt) {
        return jdbc.queryForObject(
                "insert into sync_run (connector_id, started_at, status) values (?, ?, 'RUNNING') returning id",
                Long.class,
                connectorId,
                Timestamp.from(startedAt));
    }

    void finishRun(long runId, Instant finishedAt, SyncStats stats, String error) {
        jdbc.update(
                "update sync_run set finished_at = ?, status = ?, error = ?, pages = ?, records = ?, requests = ?,"
                        + " retries = ?, throttles = ? where id = ?",
                Timestamp.from(finishedAt),
                error == null ? "SUCCEEDED" : "FAILED",
                error,
                stats.pages(),
                stats.records(),
                stats.requests(),
                stats.retries(),
                stats.throttles(),
                runId);
        if (error != null) {
            // What a failed run saw is incomplete by definition; keeping it would only invite someone to bill from it.
            jdbc.update("delete from asset_observation where sync_run_id = ?", runId);
            jdbc.update("delete from external_organization where sync_run_id = ?", runId);
        }
    }

    void saveOrganizations(long runId, List<ExternalOrganization> page) {
        jdbc.batchUpdate(
                "insert into external_organization (sync_run_id, external_id, name) values (?, ?, ?)"
                        + " on conflict (sync_run_id, external_id) do update set name = excluded.name",
                page,
                page.size(),
                (ps, org) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, org.externalId());
                    ps.setString(3, org.name());
                });
    }

    void saveAssets(long runId, List<AssetObservation> page) {
        jdbc.batchUpdate(
                "insert into asset_observation (sync_run_id, organization_id, external_id, name, asset_class,"
                        + " source_class, managed, serial_number, mac_addresses, created_at, last_seen)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        // A record a vendor pages out twice (it moved while we paged) is one record: last one wins.
                        + " on conflict (sync_run_id, external_id) do update set organization_id ="
                        + " excluded.organization_id, last_seen = excluded.last_seen, managed = excluded.managed",
                page,
                page.size(),
                (ps, a) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, a.organizationId());
                    ps.setString(3, a.externalId());
                    ps.setString(4, a.name());
                    ps.setString(5, a.assetClass().name());
                    ps.setString(6, a.sourceClass());
                    ps.setBoolean(7, a.managed());
                    ps.setString(8, a.serialNumber());
                    ps.setArray(
                            9,
                            ps.getConnection()
                                    .createArrayOf("text", a.macAddresses().toArray()));
                    ps.setTimestamp(10, a.created() == null ? null : Timestamp.from(a.created()));
                    ps.setTimestamp(11, a.lastSeen() == null ? null : Timestamp.from(a.lastSeen()));
                });
    }

    /** The id of the connector's most recent successful run. */
    public Optional<Long> latestSucceededRun(String connectorId) {
        List<Long> ids = jdbc.queryForList(
                "select id from sync_run where connector_id = ? and status = 'SUCCEEDED' order by id desc limit 1",
                Long.class,
                connectorId);
        return ids.stream().findFirst();
    }

    public List<ExternalOrganization> organizations(long runId, String connectorId) {
        return jdbc.query(
                "select external_id, name from external_organization where sync_run_id = ? order by external_id",
                (rs, n) -> new ExternalOrganization(connectorId, rs.getString(1), rs.getString(2)),
                runId);
    }

    public List<AssetObservation> assets(long runId, String connectorId) {
        List<AssetObservation> result = new ArrayList<>();
        jdbc.query(
                "select organization_id, external_id, name, asset_class, source_class, managed, serial_number,"
                        + " mac_addresses, created_at, last_seen from asset_observation where sync_run_id = ?"
                        + " order by organization_id, external_id",
                rs -> {
                    result.add(asset(rs, connectorId));
                },
                runId);
        return result;
    }

    private static AssetObservation asset(ResultSet rs, String connectorId) throws SQLException {
        Array macs = rs.getArray("mac_addresses");
        return new AssetObservation(
                connectorId,
                rs.getString("organization_id"),
                rs.getString("external_id"),
                rs.getString("name"),
                AssetClass.valueOf(rs.getString("asset_class")),
                rs.getString("source_class"),
                rs.getBoolean("managed"),
                rs.getString("serial_number"),
                Arrays.asList((String[]) macs.getArray()),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("last_seen")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
