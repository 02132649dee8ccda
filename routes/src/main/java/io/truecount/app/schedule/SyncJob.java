package io.truecount.app.schedule;

import io.truecount.app.sync.SourceSyncs;
import io.truecount.app.sync.SyncResult;
import java.time.Instant;
import java.util.List;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

/** One sync of one source, through its {@code direct:sync-<id>} route (the same path as {@code truecount sync}). */
@DisallowConcurrentExecution
class SyncJob extends RecordedJob {

    static final String CONNECTOR = "connector";

    private final SourceSyncs syncs;

    SyncJob(JobRuns runs, SourceSyncs syncs) {
        super(runs);
        this.syncs = syncs;
    }

    @Override
    String work(JobExecutionContext context, Instant scheduledFireAt) {
        String connector = context.getMergedJobDataMap().getString(CONNECTOR);
        SyncResult result = syncs.of(List.of(connector)).get(0);
        return result.succeeded() ? null : result.error();
    }
}
