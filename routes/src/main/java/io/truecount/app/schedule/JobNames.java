package io.truecount.app.schedule;

import org.quartz.JobKey;
import org.quartz.TriggerKey;

/** Jobs and their triggers are keyed {@code truecount/<name>}; the name is what {@code job_run.job} records. */
final class JobNames {

    static final String GROUP = "truecount";
    static final String INVOICE_RUN = "invoice-run";
    static final String NOTICES = "notices-daily";
    private static final String SYNC_PREFIX = "sync-";

    private JobNames() {}

    static String sync(String connectorId) {
        return SYNC_PREFIX + connectorId;
    }

    static JobKey job(String name) {
        return JobKey.jobKey(name, GROUP);
    }

    static TriggerKey trigger(String name) {
        return TriggerKey.triggerKey(name, GROUP);
    }
}
