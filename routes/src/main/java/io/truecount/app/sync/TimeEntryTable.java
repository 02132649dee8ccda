package io.truecount.app.sync;

import io.truecount.core.observation.TimeEntry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Time entries as current state per (connector, entry id). A run's changes are staged under its id and applied when the
 * run succeeds, so that a failed run leaves the entries exactly as the last good run left them. Sources without a
 * deletion feed sweep: they name the entries still present, and whatever else they should have met is deleted.
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

    void stageSeen(long runId, List<String> externalIds) {
        jdbc.batchUpdate(
                "insert into time_entry_seen (sync_run_id, external_id) values (?, ?) on conflict do nothing",
                externalIds,
                externalIds.size(),
                (ps, id) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, id);
                });
    }

    /** Records that the run met every entry from {@code from} on; two claims of one run amount to the earlier. */
    void complete(long runId, Instant from) {
        jdbc.update(
                "update sync_run set time_entries_complete_from = least(time_entries_complete_from, ?) where id = ?",
                Timestamp.from(from),
                runId);
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
        sweep(runId);
        discard(runId);
    }

    /**
     * A run that met every entry from an instant on: the current entries from then on that it neither delivered nor
     * saw are gone at the source. Organizations that failed in the run were not read, so their entries stay.
     */
    private void sweep(long runId) {
        jdbc.update(
                "update time_entry t set deleted = true, last_sync_run = r.id"
                        + " from sync_run r"
                        + " where r.id = ? and r.time_entries_complete_from is not null"
                        + " and t.connector_id = r.connector_id and not t.deleted"
                        + " and t.start_at >= r.time_entries_complete_from"
                        + " and not exists (select 1 from time_entry_staging s"
                        + "   where s.sync_run_id = r.id and s.external_id = t.external_id)"
                        + " and not exists (select 1 from time_entry_seen v"
                        + "   where v.sync_run_id = r.id and v.external_id = t.external_id)"
                        + " and not exists (select 1 from sync_run_org_error e"
                        + "   where e.sync_run_id = r.id and e.organization_id = t.organization_id)",
                runId);
    }

    void discard(long runId) {
        jdbc.update("delete from time_entry_staging where sync_run_id = ?", runId);
        jdbc.update("delete from time_entry_seen where sync_run_id = ?", runId);
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
