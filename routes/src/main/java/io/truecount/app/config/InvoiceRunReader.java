package io.truecount.app.config;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code invoice-run:} (an extension): {@code day} 1 to 28 or {@code last}, {@code time} as {@code HH:mm} in
 * the company's timezone, {@code period} {@code previous} (default) or {@code current}.
 */
final class InvoiceRunReader {

    static final List<String> KEYS = List.of("day", "time", "period");
    private static final List<String> PERIODS = List.of("previous", "current");

    private final Problems problems;
    private final Values values;

    InvoiceRunReader(Problems problems, Values values) {
        this.problems = problems;
        this.values = values;
    }

    /** @return the settings; null when anything in it is invalid (reported) */
    InvoiceRunSettings read(Section s) {
        int errorsBefore = problems.count();
        Integer day = day(s.required("day"));
        LocalTime time = time(s.required("time"));
        String period = s.has("period") ? values.choice(s.scalar("period"), "period", PERIODS) : "previous";
        if (problems.count() > errorsBefore || day == null || time == null || period == null) {
            return null;
        }
        return new InvoiceRunSettings(day, time, InvoiceRunSettings.Period.valueOf(period.toUpperCase(Locale.ROOT)));
    }

    /** 0 for {@code last}. Days after the 28th are refused: February would skip its run. */
    private Integer day(Scalar s) {
        if (s == null) {
            return null;
        }
        String value = s.value().trim();
        if (value.equals("last")) {
            return 0;
        }
        try {
            int day = Integer.parseInt(value);
            if (day >= 1 && day <= 28) {
                return day;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.at(s.file(), s.node(), "'day' in invoice-run must be 1 to 28 or 'last': " + s.shown());
        return null;
    }

    private LocalTime time(Scalar s) {
        if (s == null) {
            return null;
        }
        String value = s.value().trim();
        try {
            if (value.matches("\\d{1,2}:\\d{2}")) {
                return LocalTime.parse(value.length() == 4 ? "0" + value : value);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.at(
                s.file(), s.node(), "'time' in invoice-run must be HH:mm (24-hour, company timezone): " + s.shown());
        return null;
    }
}
