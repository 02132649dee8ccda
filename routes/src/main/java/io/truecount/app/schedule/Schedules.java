package io.truecount.app.schedule;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.TruecountConfig;
import io.truecount.app.dashboard.NextRuns;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.quartz.CronTrigger;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.stereotype.Service;

/**
 * What is scheduled, when it runs next and how it last went, and on-demand runs. An on-demand run is a one-off fire of
 * the same cluster job: it runs on one instance, never beside a scheduled run of the same job, and is recorded like one.
 */
@Service
public class Schedules implements NextRuns {

    /** A job's last execution, as the API shows it. */
    public record LastRun(Instant firedAt, String instance, String outcome) {}

    /** One job of the cluster: {@code cron} null when it runs only on demand. */
    public record Schedule(
            String job, String description, String cron, String timezone, Instant nextRun, LastRun lastRun) {}

    private final Scheduler scheduler;
    private final JobRuns runs;
    private final ActiveConfig config;

    Schedules(Scheduler scheduler, JobRuns runs, ActiveConfig config) {
        this.scheduler = scheduler;
        this.runs = runs;
        this.config = config;
    }

    public List<Schedule> all() {
        try {
            List<Schedule> schedules = new ArrayList<>();
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(JobNames.GROUP))) {
                JobDetail detail = scheduler.getJobDetail(key);
                if (detail != null) {
                    schedules.add(schedule(key.getName(), detail.getDescription()));
                }
            }
            schedules.sort(java.util.Comparator.comparing(Schedule::job));
            return schedules;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the schedules: " + e.getMessage(), e);
        }
    }

    /** The next scheduled sync of a source; empty when it has no schedule. */
    @Override
    public Optional<Instant> nextSync(String connectorId) {
        return Optional.ofNullable(nextRun(JobNames.sync(connectorId)));
    }

    /**
     * Starts a sync of the source in the background, on whichever instance picks it up.
     *
     * @throws IllegalArgumentException when the id is not a source of the running configuration
     */
    public void triggerSync(String connectorId) {
        TruecountConfig running = config.get();
        if (running.sources().stream().noneMatch(s -> s.id().equals(connectorId))) {
            throw new IllegalArgumentException("'" + connectorId + "' is not a source connector; only sources sync");
        }
        trigger(JobNames.sync(connectorId), new JobDataMap());
    }

    /** Starts the billing cycle of a period in the background; approval stays a separate step. */
    public void triggerCycle(YearMonth period, String actor) {
        JobDataMap data = new JobDataMap();
        data.put(InvoiceRunJob.PERIOD, period.toString());
        data.put(InvoiceRunJob.ACTOR, actor);
        trigger(JobNames.INVOICE_RUN, data);
    }

    private void trigger(String job, JobDataMap data) {
        try {
            if (!scheduler.checkExists(JobNames.job(job))) {
                throw new IllegalStateException("job " + job + " is not planned yet; is this instance a server?");
            }
            scheduler.triggerJob(JobNames.job(job), data);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start " + job + ": " + e.getMessage(), e);
        }
    }

    private Schedule schedule(String job, String description) throws SchedulerException {
        Trigger trigger = scheduler.getTrigger(JobNames.trigger(job));
        String cron = trigger instanceof CronTrigger c ? c.getCronExpression() : null;
        String zone = trigger instanceof CronTrigger c ? c.getTimeZone().getID() : null;
        LastRun last = runs.latest(job)
                .map(r -> new LastRun(r.startedAt(), r.schedulerInstance(), r.outcome()))
                .orElse(null);
        return new Schedule(
                job, description, cron, zone, instant(trigger == null ? null : trigger.getNextFireTime()), last);
    }

    private Instant nextRun(String job) {
        try {
            Trigger trigger = scheduler.getTrigger(JobNames.trigger(job));
            return trigger == null ? null : instant(trigger.getNextFireTime());
        } catch (SchedulerException e) {
            return null;
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
