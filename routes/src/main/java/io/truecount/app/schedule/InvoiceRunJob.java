package io.truecount.app.schedule;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.InvoiceRunSettings;
import io.truecount.app.config.TruecountConfig;
import io.truecount.app.cycle.CycleResult;
import io.truecount.app.cycle.CycleService;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The billing cycle: on its monthly schedule it bills the period {@code invoice-run:} names, relative to the fire time
 * in the company's zone (so a recovered or late run still bills the month it was meant for); triggered on demand it
 * bills the period it is given. Counts are taken as of the end of that period or now, as {@code truecount cycle} does.
 */
@DisallowConcurrentExecution
class InvoiceRunJob extends RecordedJob {

    static final String PERIOD = "period";
    static final String ACTOR = "actor";
    static final String SCHEDULER = "scheduler";

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceRunJob.class);

    private final ActiveConfig config;
    private final CycleService cycles;
    private final ScheduleProperties properties;

    InvoiceRunJob(JobRuns runs, ActiveConfig config, CycleService cycles, ScheduleProperties properties) {
        super(runs);
        this.config = config;
        this.cycles = cycles;
        this.properties = properties;
    }

    @Override
    String work(JobExecutionContext context, Instant scheduledFireAt) {
        JobDataMap data = context.getMergedJobDataMap();
        YearMonth period = period(data.getString(PERIOD), scheduledFireAt);
        String actor = data.getString(ACTOR) == null ? SCHEDULER : data.getString(ACTOR);
        CycleResult result = cycles.run(period, null, properties.exportsDir(), actor);
        LOG.info(
                "billing cycle {}: {} invoice(s), {} customer(s) failed, exports in {}",
                period,
                result.invoices().size(),
                result.failedCustomers().size(),
                properties.exportsDir());
        return result.failedCustomers().isEmpty()
                ? null
                : "customers not billed: " + String.join(", ", result.failedCustomers());
    }

    private YearMonth period(String given, Instant scheduledFireAt) {
        if (given != null) {
            return YearMonth.parse(given);
        }
        TruecountConfig running = config.get();
        InvoiceRunSettings settings = running.invoiceRun();
        ZonedDateTime firedAt = scheduledFireAt.atZone(running.company().timezone());
        // Unscheduled but fired without a period cannot happen through the API; bill the month that ended.
        return settings == null ? YearMonth.from(firedAt).minusMonths(1) : settings.billedPeriod(firedAt);
    }
}
