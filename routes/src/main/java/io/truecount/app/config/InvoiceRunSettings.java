package io.truecount.app.config;

import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When the server runs the monthly billing cycle on its own ({@code invoice-run:}, an extension of CONFIG.md). Without
 * the block cycles run only on demand ({@code truecount cycle}, {@code POST /api/cycles}).
 *
 * @param day day of the month, 1 to 28 (every month has it); 0 = the last day of the month
 * @param time local time in the company's timezone
 * @param period which month the run bills, relative to the month it runs in
 */
public record InvoiceRunSettings(int day, LocalTime time, Period period) {

    /** {@code previous}: in arrears, the month that just ended; {@code current}: the month the run happens in. */
    public enum Period {
        PREVIOUS,
        CURRENT
    }

    public InvoiceRunSettings {
        if (day < 0 || day > 28) {
            throw new IllegalArgumentException("day must be 1 to 28, or 0 for the last day: " + day);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(period, "period");
    }

    /** The Quartz cron expression of the run: seconds first, {@code L} for the last day. */
    public String cron() {
        return time.getSecond() + " " + time.getMinute() + " " + time.getHour() + " " + (day == 0 ? "L" : day) + " * ?";
    }

    /** The month a run firing at {@code firedAt} (in the company's zone) bills. */
    public YearMonth billedPeriod(ZonedDateTime firedAt) {
        YearMonth month = YearMonth.from(firedAt);
        return period == Period.PREVIOUS ? month.minusMonths(1) : month;
    }
}
