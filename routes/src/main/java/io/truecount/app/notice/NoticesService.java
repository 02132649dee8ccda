package io.truecount.app.notice;

import io.truecount.app.config.ActiveConfig;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * One notices run, as {@code truecount notices} and the server's daily route do it: auto-renewals first (a renewed
 * contract is announced for its new end, not its old one), then payment reminders, then renewal notices.
 */
@Service
public class NoticesService {

    private final ActiveConfig config;
    private final RenewalService renewals;
    private final DunningService dunning;
    private final Clock clock;

    public NoticesService(ActiveConfig config, RenewalService renewals, DunningService dunning, Clock clock) {
        this.config = config;
        this.renewals = renewals;
        this.dunning = dunning;
        this.clock = clock;
    }

    /** Today in the company's timezone: a reminder "10 days overdue" counts the MSP's days, not UTC's. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(config.get().company().timezone()));
    }

    public NoticeReport run(LocalDate today) {
        NoticeReport report = new NoticeReport();
        renewals.renew(today, report);
        dunning.run(today, report);
        renewals.sendNotices(today, report);
        return report;
    }
}
