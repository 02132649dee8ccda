package io.truecount.app.api;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Query parameters the API parses itself, so a bad value is a 400 naming the parameter. */
final class Params {

    private Params() {}

    /** {@code 2026-10}, or null when absent. */
    static YearMonth period(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("period must be YYYY-MM, not '" + text + "'");
        }
    }

    static int limit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return limit;
    }
}
