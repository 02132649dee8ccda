package io.truecount.app.sync;

import io.truecount.connector.SyncStats;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.LicenseCount;
import io.truecount.core.observation.TimeEntry;
import io.truecount.core.observation.UserAccount;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sync runs and what they observed, in PostgreSQL. Each page is written in its own statement batch as it arrives, so
 * a sync never holds more than one page in memory; only a run marked SUCCEEDED is ever read back for billing.
 * Organizations, assets, licences, users and per-organization errors belong to their run; time entries are current
 * state per connector ({@link TimeEntryTable}).
 */
@Repository
public class ObservationRepository {

    /** A finished successful run, as billing history needs it. */
    public record SucceededRun(long id, String connectorId, Instant finishedAt) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TimeEntryTable timeEntries;

    ObservationRepository(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.timeEntries = new TimeEntryTable(jdbc);
    }

    /**
     * Opens a run. It starts from the connector's latest successful run: the cursors it saved and the users it stored
     * are what an incremental read continues from.
     */
    long startRun(String connectorId, Instant startedAt) {
        Long base = latestSucceededRun(connectorId).orElse(null);
        return jdbc.queryForObject(
                "insert into sync_run (connector_id, started_at, status, base_run_id) values (?, ?, 'RUNNING', ?)"
                        + " returning id",
                Long.class,
                connectorId,
                Timestamp.from(startedAt),
                base);
    }

    /** The cursors saved by the run this run started from; empty for a first run. */
    Map<String, String> cursors(long runId) {
        Map<String, String> cursors = new LinkedHashMap<>();
        jdbc.query(
                "select c.key, c.value from sync_cursor c join sync_run r on r.base_run_id = c.sync_run_id"
                        + " where r.id = ? order by c.key",
                rs -> {
                    cursors.put(rs.getString(1), rs.getString(2));
                },
                runId);
        return cursors;
    }

    void saveCursor(long runId, String key, String value) {
        jdbc.update(
                "insert into sync_cursor (sync_run_id, key, value) values (?, ?, ?)"
                        + " on conflict (sync_run_id, key) do update set value = excluded.value",
                runId,
                key,
                value);
    }

    /** Copies the organization's users as the base run stored them into this run, for a delta to change. */
    void carryUsersForward(long runId, String organizationId) {
        jdbc.update(
                "insert into user_account (sync_run_id, organization_id, external_id, user_principal_name, enabled,"
                        + " sku_part_numbers)"
                        + " select r.id, u.organization_id, u.external_id, u.user_principal_name, u.enabled,"
                        + " u.sku_part_numbers from user_account u join sync_run r on r.base_run_id = u.sync_run_id"
                        + " where r.id = ? and u.organization_id = ?"
                        + " on conflict (sync_run_id, organization_id, external_id) do nothing",
                runId,
                organizationId);
    }

    void removeUsers(long runId, String organizationId, List<String> externalIds) {
        jdbc.update(
                "delete from user_account where sync_run_id = ? and organization_id = ? and external_id = any (?)",
                ps -> {
                    ps.setLong(1, runId);
                    ps.setString(2, organizationId);
                    ps.setArray(3, ps.getConnection().createArrayOf("text", externalIds.toArray()));
                });
    }

    /** The counters of a run still going, so that its progress can be seen from outside. */
    void recordProgress(long runId, SyncStats stats) {
        jdbc.update(
                "update sync_run set pages = ?, records = ?, requests = ?, retries = ?, throttles = ?"
                        + " where id = ? and status = 'RUNNING'",
                stats.pages(),
                stats.records(),
                stats.requests(),
                stats.retries(),
                stats.throttles(),
                runId);
    }

    /** Closes the run; a success makes its time entries current in the same transaction as its status. */
    void finishRun(long runId, Instant finishedAt, SyncStats stats, String error) {
        transaction.executeWithoutResult(status -> {
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
            if (error == null) {
                timeEntries.apply(runId);
                return;
            }
            // What a failed run saw is incomplete by definition; keeping it would only invite someone to bill from it.
            for (String table : List.of(
                    "asset_observation",
                    "external_organization",
                    "license_count",
                    "user_account",
                    "sync_run_org_error",
                    "sync_cursor")) {
                jdbc.update("delete from " + table + " where sync_run_id = ?", runId);
            }
            timeEntries.discard(runId);
        });
    }

    void saveOrganizations(long runId, List<ExternalOrganization> page) {
        jdbc.batchUpdate(
                "insert into external_organization (sync_run_id, external_id, name, cross_refs) values (?, ?, ?, ?)"
                        + " on conflict (sync_run_id, external_id) do update set name = excluded.name,"
                        + " cross_refs = excluded.cross_refs",
                page,
                page.size(),
                (ps, org) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, org.externalId());
                    ps.setString(3, org.name());
                    ps.setArray(
                            4,
                            ps.getConnection()
                                    .createArrayOf("text", org.references().toArray()));
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
                    ps.setTimestamp(10, ObservationRows.timestamp(a.created()));
                    ps.setTimestamp(11, ObservationRows.timestamp(a.lastSeen()));
                });
    }

    void saveLicenses(long runId, List<LicenseCount> page) {
        jdbc.batchUpdate(
                "insert into license_count (sync_run_id, organization_id, sku_id, sku_part_number,"
                        + " capability_status, assigned, purchased) values (?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (sync_run_id, organization_id, sku_id) do update set sku_part_number ="
                        + " excluded.sku_part_number, capability_status = excluded.capability_status,"
                        + " assigned = excluded.assigned, purchased = excluded.purchased",
                page,
                page.size(),
                (ps, l) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, l.organizationId());
                    ps.setString(3, l.skuId());
                    ps.setString(4, l.skuPartNumber());
                    ps.setString(5, l.capabilityStatus());
                    ps.setLong(6, l.assigned());
                    ps.setLong(7, l.purchased());
                });
    }

    void saveUsers(long runId, List<UserAccount> page) {
        jdbc.batchUpdate(
                "insert into user_account (sync_run_id, organization_id, external_id, user_principal_name, enabled,"
                        + " sku_part_numbers) values (?, ?, ?, ?, ?, ?)"
                        + " on conflict (sync_run_id, organization_id, external_id) do update set"
                        + " user_principal_name = excluded.user_principal_name, enabled = excluded.enabled,"
                        + " sku_part_numbers = excluded.sku_part_numbers",
                page,
                page.size(),
                (ps, u) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, u.organizationId());
                    ps.setString(3, u.externalId());
                    ps.setString(4, u.userPrincipalName());
                    ps.setBoolean(5, u.enabled());
                    // Sorted, so a user reads back the same however the set iterated.
                    ps.setArray(
                            6,
                            ps.getConnection()
                                    .createArrayOf(
                                            "text",
                                            u.skuPartNumbers().stream().sorted().toArray()));
                });
    }

    void saveOrganizationError(long runId, String organizationId, String error) {
        jdbc.update(
                "insert into sync_run_org_error (sync_run_id, organization_id, error) values (?, ?, ?)"
                        + " on conflict (sync_run_id, organization_id) do update set error = excluded.error",
                runId,
                organizationId,
                error);
    }

    void stageTimeEntries(long runId, List<TimeEntry> page) {
        timeEntries.stage(runId, page);
    }

    void stageTimeEntryDeletions(long runId, List<String> externalIds) {
        timeEntries.stageDeletions(runId, externalIds);
    }

    void stageTimeEntriesSeen(long runId, List<String> externalIds) {
        timeEntries.stageSeen(runId, externalIds);
    }

    void timeEntriesComplete(long runId, Instant from) {
        timeEntries.complete(runId, from);
    }

    /** The id of the connector's most recent successful run. */
    public Optional<Long> latestSucceededRun(String connectorId) {
        List<Long> ids = jdbc.queryForList(
                "select id from sync_run where connector_id = ? and status = 'SUCCEEDED' order by id desc limit 1",
                Long.class,
                connectorId);
        return ids.stream().findFirst();
    }

    /**
     * The successful runs of the connectors that finished in {@code [from, to]}, and before them each connector's
     * latest successful run finished before {@code from} (what was current when the window opened), by finish time.
     */
    public List<SucceededRun> succeededRuns(Collection<String> connectorIds, Instant from, Instant to) {
        List<SucceededRun> runs = new ArrayList<>();
        for (String connectorId : connectorIds) {
            runs.addAll(jdbc.query(
                    "select id, finished_at from sync_run where connector_id = ? and status = 'SUCCEEDED'"
                            + " and finished_at < ? order by finished_at desc, id desc limit 1",
                    (rs, n) -> new SucceededRun(
                            rs.getLong(1), connectorId, rs.getTimestamp(2).toInstant()),
                    connectorId,
                    Timestamp.from(from)));
            runs.addAll(jdbc.query(
                    "select id, finished_at from sync_run where connector_id = ? and status = 'SUCCEEDED'"
                            + " and finished_at >= ? and finished_at <= ? order by finished_at, id",
                    (rs, n) -> new SucceededRun(
                            rs.getLong(1), connectorId, rs.getTimestamp(2).toInstant()),
                    connectorId,
                    Timestamp.from(from),
                    Timestamp.from(to)));
        }
        runs.sort(Comparator.comparing(SucceededRun::finishedAt).thenComparing(SucceededRun::id));
        return runs;
    }

    public List<ExternalOrganization> organizations(long runId, String connectorId) {
        return jdbc.query(
                "select external_id, name, cross_refs from external_organization where sync_run_id = ?"
                        + " order by external_id",
                (rs, n) -> new ExternalOrganization(
                        connectorId, rs.getString(1), rs.getString(2), ObservationRows.texts(rs.getArray(3))),
                runId);
    }

    public List<AssetObservation> assets(long runId, String connectorId) {
        return jdbc.query(
                "select organization_id, external_id, name, asset_class, source_class, managed, serial_number,"
                        + " mac_addresses, created_at, last_seen from asset_observation where sync_run_id = ?"
                        + " order by organization_id, external_id",
                (rs, n) -> ObservationRows.asset(rs, connectorId),
                runId);
    }

    public List<LicenseCount> licenses(long runId, String connectorId) {
        return jdbc.query(
                "select organization_id, sku_id, sku_part_number, capability_status, assigned, purchased"
                        + " from license_count where sync_run_id = ? order by organization_id, sku_part_number, sku_id",
                (rs, n) -> ObservationRows.license(rs, connectorId),
                runId);
    }

    public List<UserAccount> users(long runId, String connectorId) {
        return jdbc.query(
                "select organization_id, external_id, user_principal_name, enabled, sku_part_numbers"
                        + " from user_account where sync_run_id = ?"
                        + " order by organization_id, user_principal_name, external_id",
                (rs, n) -> ObservationRows.user(rs, connectorId),
                runId);
    }

    /** Organization id to the failure of that organization in the run, in organization order. */
    public Map<String, String> organizationErrors(long runId) {
        Map<String, String> errors = new LinkedHashMap<>();
        jdbc.query(
                "select organization_id, error from sync_run_org_error where sync_run_id = ? order by organization_id",
                rs -> {
                    errors.put(rs.getString(1), rs.getString(2));
                },
                runId);
        return errors;
    }

    /** Every time entry the connector currently knows and has not deleted: all periods, not only one. */
    public List<TimeEntry> timeEntries(String connectorId) {
        return timeEntries.current(connectorId);
    }
}
