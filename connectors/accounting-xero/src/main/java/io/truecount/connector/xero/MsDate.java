package io.truecount.connector.xero;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Xero's Microsoft JSON dates, {@code /Date(1552262400000+0000)/}: milliseconds since the epoch in UTC, then the
 * offset of the organisation's time zone, which the millisecond value already accounts for (xero_accounting.yaml,
 * {@code x-is-msdate}). Invoice {@code Date}s are midnight UTC of the calendar day.
 */
final class MsDate {

    private static final Pattern FORMAT = Pattern.compile("/Date\\((-?\\d+)([+-]\\d{4})?\\)/");

    private MsDate() {}

    /** The instant, or empty when the text is not an MS-JSON date. */
    static Optional<Instant> instant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(matcher.group(1))));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }

    /** A date field: an MS-JSON date or, as Xero also writes them, {@code 2019-03-11T00:00:00} / {@code 2019-03-11}. */
    static Optional<LocalDate> date(String text) {
        Optional<Instant> instant = instant(text);
        if (instant.isPresent()) {
            return Optional.of(LocalDate.ofInstant(instant.get(), ZoneOffset.UTC));
        }
        if (text != null && text.length() >= 10) {
            try {
                return Optional.of(LocalDate.parse(text.substring(0, 10)));
            } catch (java.time.format.DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
