package io.truecount.app.schedule;

import io.truecount.app.notice.NoticeReport;
import io.truecount.app.notice.NoticesService;
import java.time.Instant;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The daily payment reminders and renewal notices ({@code truecount notices} on a schedule). */
@DisallowConcurrentExecution
class NoticesJob extends RecordedJob {

    private static final Logger LOG = LoggerFactory.getLogger(NoticesJob.class);

    private final NoticesService notices;

    NoticesJob(JobRuns runs, NoticesService notices) {
        super(runs);
        this.notices = notices;
    }

    @Override
    String work(JobExecutionContext context, Instant scheduledFireAt) {
        NoticeReport report = notices.run(notices.today());
        report.lines().forEach(line -> LOG.info("notices: {}", line));
        return report.failures() == 0 ? null : report.failures() + " notice(s) could not be sent";
    }
}
