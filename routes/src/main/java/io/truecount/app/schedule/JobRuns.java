package io.truecount.app.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code job_run} table: one row per execution of a scheduled job, on whichever instance ran it. */
@Repository
public class JobRuns {

    /** One execution; {@code finishedAt} and {@code error} are null while it runs. */
    public record JobRun(
            long id,
            String job,
            Instant scheduledFireAt,
            String fireInstanceId,
            String schedulerInstance,
            boolean recovering,
            Instant startedAt,
            Instant finishedAt,
            String outcome,
            String error) {}

    private final JdbcTemplate jdbc;

    JobRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the start of a run. Empty when this fire time already ran (or, recovering, was already recovered): the
     * unique key refuses a second run, whatever the scheduler did.
     */
    Optional<Long> start(
            String job,
            Instant scheduledFireAt,
            String fireInstanceId,
            String schedulerInstance,
            boolean recovering,
            Instant startedAt) {
        List<Long> ids = jdbc.queryForList(
                "insert into job_run (job, scheduled_fire_at, fire_instance_id, scheduler_instance, recovering,"
                        + " started_at, outcome) values (?, ?, ?, ?, ?, ?, 'RUNNING')"
                        + " on conflict (job, scheduled_fire_at, recovering) do nothing returning id",
                Long.class,
                job,
                Timestamp.from(scheduledFireAt),
                fireInstanceId,
                schedulerInstance,
                recovering,
                Timestamp.from(startedAt));
        return ids.stream().findFirst();
    }

    void finish(long id, Instant finishedAt, String error) {
        jdbc.update(
                "update job_run set finished_at = ?, outcome = ?, error = ? where id = ?",
                Timestamp.from(finishedAt),
                error == null ? "SUCCEEDED" : "FAILED",
                error,
                id);
    }

    /** The run a recovery replaces never finished: its instance died. */
    void abandon(String job, Instant scheduledFireAt, Instant at) {
        jdbc.update(
                "update job_run set outcome = 'ABANDONED', finished_at = ?, error = 'its instance stopped mid-run;"
                        + " recovered by another run' where job = ? and scheduled_fire_at = ? and not recovering"
                        + " and outcome = 'RUNNING'",
                Timestamp.from(at),
                job,
                Timestamp.from(scheduledFireAt));
    }

    public Optional<JobRun> latest(String job) {
        return recent(job, 1).stream().findFirst();
    }

    public List<JobRun> recent(String job, int limit) {
        return jdbc.query("select * from job_run where job = ? order by id desc limit ?", JobRuns::row, job, limit);
    }

    private static JobRun row(ResultSet rs, int rowNum) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new JobRun(
                rs.getLong("id"),
                rs.getString("job"),
                rs.getTimestamp("scheduled_fire_at").toInstant(),
                rs.getString("fire_instance_id"),
                rs.getString("scheduler_instance"),
                rs.getBoolean("recovering"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString("outcome"),
                rs.getString("error"));
    }
}
