package io.truecount.app.schedule;

import java.time.Instant;
import java.util.Optional;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job whose every execution is a {@code job_run} row. A recovery (Quartz re-runs a job whose instance died mid-run)
 * is recorded against the original fire time, and the dead run is marked abandoned. Failures are recorded and logged in
 * one line; the job never throws, so Quartz never logs a stack trace or re-fires it.
 */
// Wall-clock times, not the application's (possibly fixed) billing clock: these are operational facts.
abstract class RecordedJob implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(RecordedJob.class);

    private final JobRuns runs;

    RecordedJob(JobRuns runs) {
        this.runs = runs;
    }

    /** @return null when the work succeeded, else the error in one line */
    abstract String work(JobExecutionContext context, Instant scheduledFireAt);

    @Override
    public final void execute(JobExecutionContext context) {
        String job = context.getJobDetail().getKey().getName();
        boolean recovering = context.isRecovering();
        Instant scheduled = scheduledFireTime(context);
        Optional<Long> id =
                runs.start(job, scheduled, context.getFireInstanceId(), instance(context), recovering, Instant.now());
        if (id.isEmpty()) {
            LOG.warn(
                    "job {} of {} already ran{}; not running it again",
                    job,
                    scheduled,
                    recovering ? " (recovered)" : "");
            return;
        }
        if (recovering) {
            LOG.info("job {} of {}: recovering the run of an instance that stopped", job, scheduled);
            runs.abandon(job, scheduled, Instant.now());
        }
        String error;
        try {
            error = work(context, scheduled);
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        runs.finish(id.get(), Instant.now(), error);
        if (error != null) {
            LOG.warn("job {} of {} failed: {}", job, scheduled, error);
        }
    }

    /** A recovery carries the original fire time in its data: the run it replaces is the same fire. */
    private static Instant scheduledFireTime(JobExecutionContext context) {
        if (context.isRecovering()) {
            String original = context.getMergedJobDataMap()
                    .getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
            if (original != null) {
                return Instant.ofEpochMilli(Long.parseLong(original));
            }
        }
        return (context.getScheduledFireTime() != null ? context.getScheduledFireTime() : context.getFireTime())
                .toInstant();
    }

    private static String instance(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "unknown";
        }
    }
}
