package io.truecount.app.schedule;

import io.truecount.app.config.InvoiceRunSettings;
import io.truecount.app.config.TruecountConfig;
import io.truecount.connector.ConnectorSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The jobs a configuration asks for: a sync per source (scheduled when it has a {@code schedule}), the monthly invoice
 * run (scheduled when {@code invoice-run:} is there) and the daily notices. Every job exists even without a schedule,
 * so that the API can trigger it and the run still goes through the cluster (once, never beside a scheduled one).
 */
final class JobPlan {

    /** Reminders and renewal notices go out at 07:00 in the company's timezone, the start of a working day. */
    static final String NOTICES_CRON = "0 0 7 * * ?";

    private JobPlan() {}

    static List<PlannedJob> of(TruecountConfig config) {
        List<PlannedJob> jobs = new ArrayList<>();
        for (ConnectorSettings source : config.sources()) {
            jobs.add(new PlannedJob(
                    JobNames.sync(source.id()),
                    SyncJob.class,
                    "sync of " + source.id(),
                    normalize(source.schedule()),
                    Map.of(SyncJob.CONNECTOR, source.id())));
        }
        InvoiceRunSettings invoiceRun = config.invoiceRun();
        jobs.add(new PlannedJob(
                JobNames.INVOICE_RUN,
                InvoiceRunJob.class,
                invoiceRun == null
                        ? "billing cycle, on demand only"
                        : "billing cycle of the " + invoiceRun.period().name().toLowerCase(java.util.Locale.ROOT)
                                + " month",
                invoiceRun == null ? null : invoiceRun.cron(),
                Map.of()));
        jobs.add(new PlannedJob(
                JobNames.NOTICES, NoticesJob.class, "payment reminders and renewal notices", NOTICES_CRON, Map.of()));
        return jobs;
    }

    /** One space between fields, so that a re-indented schedule is not a change. */
    private static String normalize(String cron) {
        return cron == null ? null : cron.trim().replaceAll("\\s+", " ");
    }
}
