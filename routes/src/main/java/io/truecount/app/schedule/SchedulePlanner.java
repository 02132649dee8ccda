package io.truecount.app.schedule;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.ConfigReplaced;
import io.truecount.app.config.TruecountConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the cluster's jobs and triggers in step with the configuration: on start, then on every reload (adds,
 * reschedules a changed cron, deletes what the configuration no longer has). Every instance plans the same way, so it
 * does not matter which one does it first; an unchanged trigger is left alone so it keeps its misfire state (a server
 * that was down at 02:00 still runs the 02:00 sync on start). Only the server plans and starts the scheduler: a
 * one-shot command never joins the cluster.
 */
@Component
@ConditionalOnProperty(name = "truecount.scheduling", havingValue = "true")
class SchedulePlanner {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulePlanner.class);

    private final Scheduler scheduler;
    private final ActiveConfig config;

    SchedulePlanner(Scheduler scheduler, ActiveConfig config) {
        this.scheduler = scheduler;
        this.config = config;
    }

    /** After the routes started: a job that fires at once (a recovery, a misfire) finds its route. */
    @EventListener(ApplicationReadyEvent.class)
    void start() throws SchedulerException {
        List<String> changes = plan(config.get());
        scheduler.start();
        LOG.info(
                "scheduler {} started{}",
                scheduler.getSchedulerInstanceId(),
                changes.isEmpty() ? "" : ": " + String.join("; ", changes));
    }

    @EventListener
    void replaced(ConfigReplaced event) throws SchedulerException {
        List<String> changes = plan(event.current());
        if (!changes.isEmpty()) {
            LOG.info("schedules re-planned after a reload by {}: {}", event.actor(), String.join("; ", changes));
        }
    }

    /** @return one line per change made, e.g. {@code sync-ninja rescheduled: 0 0 3 * * ?} */
    synchronized List<String> plan(TruecountConfig config) throws SchedulerException {
        TimeZone zone = TimeZone.getTimeZone(config.company().timezone());
        List<String> changes = new ArrayList<>();
        Map<String, PlannedJob> wanted = new HashMap<>();
        for (PlannedJob job : JobPlan.of(config)) {
            wanted.put(job.name(), job);
            scheduler.addJob(detail(job), true);
            String change = planTrigger(job, zone);
            if (change != null) {
                changes.add(change);
            }
        }
        Set<JobKey> existing = scheduler.getJobKeys(GroupMatcher.jobGroupEquals(JobNames.GROUP));
        for (JobKey key : existing) {
            if (!wanted.containsKey(key.getName()) && scheduler.deleteJob(key)) {
                changes.add(key.getName() + " removed");
            }
        }
        return changes;
    }

    private String planTrigger(PlannedJob job, TimeZone zone) throws SchedulerException {
        Trigger current = scheduler.getTrigger(JobNames.trigger(job.name()));
        if (job.cron() == null) {
            return current != null && scheduler.unscheduleJob(current.getKey()) ? job.name() + " unscheduled" : null;
        }
        if (current instanceof CronTrigger cron
                && cron.getCronExpression().equals(job.cron())
                && Objects.equals(cron.getTimeZone().getID(), zone.getID())) {
            return null;
        }
        Trigger next = trigger(job, zone);
        if (current != null) {
            scheduler.rescheduleJob(current.getKey(), next);
            return job.name() + " rescheduled: " + job.cron();
        }
        try {
            scheduler.scheduleJob(next);
        } catch (ObjectAlreadyExistsException anotherInstanceWasFirst) {
            scheduler.rescheduleJob(next.getKey(), next);
        }
        return job.name() + " scheduled: " + job.cron();
    }

    private static JobDetail detail(PlannedJob job) {
        JobBuilder builder = JobBuilder.newJob(job.type())
                .withIdentity(JobNames.job(job.name()))
                .withDescription(job.description())
                // Kept without a trigger (on-demand runs) and re-run by another instance when this one dies mid-run.
                .storeDurably()
                .requestRecovery();
        job.data().forEach(builder::usingJobData);
        return builder.build();
    }

    private static Trigger trigger(PlannedJob job, TimeZone zone) {
        return TriggerBuilder.newTrigger()
                .withIdentity(JobNames.trigger(job.name()))
                .forJob(JobNames.job(job.name()))
                .withDescription(job.description())
                .withSchedule(CronScheduleBuilder.cronSchedule(job.cron())
                        .inTimeZone(zone)
                        // Late by more than the misfire threshold (every server was down): run once, now.
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
