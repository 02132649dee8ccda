package io.truecount.app.sync;

import io.truecount.core.observation.TimeEntry;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Time entries as current state per (connector, entry id). A run's changes are staged under its id and applied in one
 * statement when the run succeeds, so that a failed run leaves the entries exactly as the last good run left them.
 */
final class TimeEntryTable {

    private static final String FIELDS =
            "organization_id, ticket_id, ticket_title, technician, work_type, priority, category, billable, start_at,"
                    + " hours";

    private final JdbcTemplate jdbc;

    TimeEntryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void stage(long runId, List<TimeEntry> page) {
        jdbc.batchUpdate(
                "insert into time_entry_staging (sync_run_id, external_id, " + FIELDS + ", deleted)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)"
                        // Delivered twice in one run (edited while we paged, or deleted and restored): last one wins.
                        + " on conflict (sync_run_id, external_id) do update set organization_id ="
                        + " excluded.organization_id, ticket_id = excluded.ticket_id, ticket_title ="
                        + " excluded.ticket_title, technician = excluded.technician, work_type = excluded.work_type,"
                        + " priority = excluded.priority, category = excluded.category, billable = excluded.billable,"
                        + " start_at = excluded.start_at, hours = excluded.hours, deleted = false",
                page,
                page.size(),
                (ps, e) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, e.externalId());
                    ps.setString(3, e.organizationId());
                    ps.setString(4, e.ticketId());
                    ps.setString(5, e.ticketTitle());
                    ps.setString(6, e.technician());
                    ps.setString(7, e.workType());
                    ps.setString(8, e.priority());
                    ps.setString(9, e.category());
                    ps.setBoolean(10, e.billable());
                    ps.setTimestamp(11, ObservationRows.timestamp(e.start()));
                    ps.setBigDecimal(12, e.hours());
                });
    }

    void stageDeletions(long runId, List<String> externalIds) {
        jdbc.batchUpdate(
                "insert into time_entry_staging (sync_run_id, external_id, deleted) values (?, ?, true)"
                        + " on conflict (sync_run_id, external_id) do update set deleted = true",
                externalIds,
                externalIds.size(),
                (ps, id) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, id);
                });
    }

    /**
     * Makes a succeeded run's staged changes current: entries it delivered are inserted or replaced, entries it
     * deleted are marked deleted (keeping their last known fields; a deletion of an entry never stored is dropped).
     */
    void apply(long runId) {
        jdbc.update(
                "insert into time_entry (connector_id, external_id, " + FIELDS + ", deleted, last_sync_run)"
                        + " select r.connector_id, s.external_id, s.organization_id, s.ticket_id, s.ticket_title,"
                        + " s.technician, s.work_type, s.priority, s.category, s.billable, s.start_at, s.hours,"
                        + " s.deleted, s.sync_run_id"
                        + " from time_entry_staging s join sync_run r on r.id = s.sync_run_id"
                        + " where s.sync_run_id = ? and s.organization_id is not null"
                        + " union all"
                        + " select t.connector_id, t.external_id, t.organization_id, t.ticket_id, t.ticket_title,"
                        + " t.technician, t.work_type, t.priority, t.category, t.billable, t.start_at, t.hours,"
                        + " true, s.sync_run_id"
                        + " from time_entry_staging s join sync_run r on r.id = s.sync_run_id"
                        + " join time_entry t on t.connector_id = r.connector_id and t.external_id = s.external_id"
                        + " where s.sync_run_id = ? and s.organization_id is null"
                        + " on conflict (connector_id, external_id) do update set organization_id ="
                        + " excluded.organization_id, ticket_id = excluded.ticket_id, ticket_title ="
                        + " excluded.ticket_title, technician = excluded.technician, work_type = excluded.work_type,"
                        + " priority = excluded.priority, category = excluded.category, billable = excluded.billable,"
                        + " start_at = excluded.start_at, hours = excluded.hours, deleted = excluded.deleted,"
                        + " last_sync_run = excluded.last_sync_run",
                runId,
                runId);
        discard(runId);
    }

    void discard(long runId) {
        jdbc.update("delete from time_entry_staging where sync_run_id = ?", runId);
    }

    /** Every entry the connector currently knows and has not deleted, in work order. */
    List<TimeEntry> current(String connectorId) {
        return jdbc.query(
                "select connector_id, external_id, " + FIELDS + " from time_entry"
                        + " where connector_id = ? and not deleted order by start_at, external_id",
                (rs, n) -> ObservationRows.timeEntry(rs),
                connectorId);
    }
}
