package io.truecount.core.billing;

import io.truecount.core.contract.Contract;
import io.truecount.core.contract.PrepaidHoursLine;
import io.truecount.core.observation.TimeEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a prepaid-hours balance from the contract's start to the end of a month: opening hours, then, day by day,
 * top-ups (first) and billable entries in work-date order, each entry rounded up to the line's increment. An entry
 * larger than what is left is billed as overage when the line has an overage rate (the balance stops at 0), and
 * otherwise drives the balance negative until the next top-up.
 *
 * <p>Replaying from the start, rather than carrying a stored balance, keeps every run a pure function of the
 * configuration and the entries: a PSA that edits an old entry corrects the balance everywhere after it.
 */
final class PrepaidBalance {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final List<PrepaidStatement.Month> months;

    private PrepaidBalance(List<PrepaidStatement.Month> months) {
        this.months = months;
    }

    static PrepaidBalance replay(
            Contract contract, PrepaidHoursLine line, TimeAllocation allocation, YearMonth through) {
        LocalDate start = contract.start();
        LocalDate end = through.atEndOfMonth();
        if (contract.end() != null && contract.end().isBefore(end)) {
            end = contract.end();
        }
        List<TimeEntry> entries = allocation.of(line, start, end);
        List<PrepaidStatement.Month> months = new ArrayList<>();
        BigDecimal balance = line.openingHours();
        int next = 0;
        for (YearMonth month = YearMonth.from(start); !month.isAfter(through); month = month.plusMonths(1)) {
            BigDecimal opening = balance;
            BigDecimal toppedUp = BigDecimal.ZERO;
            BigDecimal used = BigDecimal.ZERO;
            BigDecimal overage = BigDecimal.ZERO;
            for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
                for (PrepaidHoursLine.TopUp topUp : line.topUps()) {
                    if (topUp.date().equals(day) && !day.isBefore(start) && !day.isAfter(end)) {
                        balance = balance.add(topUp.hours());
                        toppedUp = toppedUp.add(topUp.hours());
                    }
                }
                while (next < entries.size()
                        && allocation.workDate(entries.get(next)).equals(day)) {
                    BigDecimal hours = TimeRater.roundedMinutes(entries.get(next), line.incrementMinutes())
                            .divide(SIXTY, 10, RoundingMode.HALF_UP);
                    used = used.add(hours);
                    BigDecimal available = balance.max(BigDecimal.ZERO);
                    if (line.overageRate() != null && hours.compareTo(available) > 0) {
                        BigDecimal over = hours.subtract(available);
                        overage = overage.add(over);
                        balance = balance.subtract(hours).add(over);
                    } else {
                        balance = balance.subtract(hours);
                    }
                    next++;
                }
            }
            months.add(new PrepaidStatement.Month(
                    month, strip(opening), strip(toppedUp), strip(used), strip(overage), strip(balance)));
        }
        return new PrepaidBalance(months);
    }

    List<PrepaidStatement.Month> months() {
        return months;
    }

    BigDecimal closing() {
        return months.isEmpty()
                ? BigDecimal.ZERO
                : months.get(months.size() - 1).closing();
    }

    /** Hours as a statement shows them: to the hundredth (a 20-minute increment is 0.33 h). */
    private static BigDecimal strip(BigDecimal hours) {
        BigDecimal s = hours.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
