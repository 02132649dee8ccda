package io.truecount.bench;

import io.truecount.core.observation.TimeEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws one customer's PSA time entries over the last three months: remote support the block covers, project work
 * drawn from prepaid hours, on-site and after-hours work billed by the hour, maintenance included in the contract,
 * and the non-billable entries a PSA also returns.
 */
final class TimeDraws {

    static final String CONNECTOR = "psa";
    static final String REMOTE = "Remote Support";
    static final String ONSITE = "Onsite";
    static final String PROJECT = "Project";
    static final String AFTER_HOURS = "After Hours";
    static final String MAINTENANCE = "Maintenance";
    static final String SECURITY = "Security";

    private static final List<String> CATEGORIES = List.of("Hardware", "Software", "Network", SECURITY, "Onboarding");
    private static final List<String> TITLES = List.of(
            "Printer offline",
            "Outlook keeps asking for password",
            "New starter setup",
            "VPN drops every hour",
            "Firewall firmware update",
            "Server disk almost full",
            "Phishing mail reported",
            "Migrate file share to SharePoint");
    private static final List<String> TECHNICIANS =
            List.of("amoreau", "bkowalski", "cnguyen", "dokoro", "eschmidt", "fbrennan", "gsato", "hwilson");
    private static final BigDecimal STEP = new BigDecimal("0.05");

    private final Random random;
    private final ZoneId zone;
    private final LocalDate from;
    private final int days;
    private long nextId = 500_000;
    private long nextTicket = 20_000;

    /** Entries are dated in [from, to], in the company's zone. */
    TimeDraws(Random random, ZoneId zone, LocalDate from, LocalDate to) {
        this.random = random;
        this.zone = zone;
        this.from = from;
        this.days = (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    List<TimeEntry> customer(String companyId, int count) {
        List<TimeEntry> entries = new ArrayList<>(count);
        String ticket = null;
        String title = null;
        for (int i = 0; i < count; i++) {
            if (ticket == null || random.nextInt(3) > 0) {
                ticket = Long.toString(nextTicket++);
                title = TITLES.get(random.nextInt(TITLES.size()));
            }
            int minuteOfDay = 7 * 60 + random.nextInt(11 * 60);
            String workType = workType();
            if (AFTER_HOURS.equals(workType)) {
                minuteOfDay = 19 * 60 + random.nextInt(4 * 60);
            }
            entries.add(new TimeEntry(
                    CONNECTOR,
                    companyId,
                    Long.toString(nextId++),
                    ticket,
                    title,
                    TECHNICIANS.get(random.nextInt(TECHNICIANS.size())),
                    workType,
                    "P" + (1 + random.nextInt(4)),
                    CATEGORIES.get(random.nextInt(CATEGORIES.size())),
                    random.nextInt(100) < 85,
                    from.plusDays(random.nextInt(days))
                            .atStartOfDay(zone)
                            .plusMinutes(minuteOfDay)
                            .toInstant(),
                    STEP.multiply(BigDecimal.valueOf(1 + random.nextInt(60)))));
        }
        return entries;
    }

    private String workType() {
        int r = random.nextInt(100);
        return r < 45 ? REMOTE : r < 65 ? ONSITE : r < 80 ? PROJECT : r < 90 ? AFTER_HOURS : MAINTENANCE;
    }
}
