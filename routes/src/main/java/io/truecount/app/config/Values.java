package io.truecount.app.config;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.quartz.CronExpression;

/**
 * Typed reading of single values. Every method takes a possibly null {@link Scalar} (absent or already reported)
 * and returns null, with an error recorded, when the value is invalid. Messages quote values as written.
 */
final class Values {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Problems problems;

    Values(Problems problems) {
        this.problems = problems;
    }

    String text(Scalar s) {
        return s == null ? null : s.value();
    }

    /** A decimal read from its text, never through a binary float: {@code 45.10} keeps its scale. */
    BigDecimal decimal(Scalar s, String key) {
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.value().trim());
        } catch (NumberFormatException e) {
            return fail(s, "'" + key + "' must be a decimal number: " + s.shown());
        }
    }

    /** Prices, amounts, percentages. */
    BigDecimal nonNegative(Scalar s, String key) {
        BigDecimal d = decimal(s, key);
        if (d != null && d.signum() < 0) {
            return fail(s, "'" + key + "' must not be negative: " + s.shown());
        }
        return d;
    }

    BigDecimal positive(Scalar s, String key) {
        BigDecimal d = decimal(s, key);
        if (d != null && d.signum() <= 0) {
            return fail(s, "'" + key + "' must be above 0: " + s.shown());
        }
        return d;
    }

    /** Counts of assets: whole and not negative. */
    BigDecimal quantity(Scalar s, String key) {
        BigDecimal d = nonNegative(s, key);
        if (d != null && d.stripTrailingZeros().scale() > 0) {
            return fail(s, "'" + key + "' must be a whole number: " + s.shown());
        }
        return d;
    }

    /** Tier bounds: whole and above 0. */
    BigDecimal positiveQuantity(Scalar s, String key) {
        BigDecimal d = quantity(s, key);
        if (d != null && d.signum() == 0) {
            return fail(s, "'" + key + "' must be above 0: " + s.shown());
        }
        return d;
    }

    Integer integer(Scalar s, String key, int min) {
        if (s == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(s.value().trim());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return fail(s, "'" + key + "' must be a whole number of at least " + min + ": " + s.shown());
    }

    Boolean bool(Scalar s, String key) {
        if (s == null) {
            return null;
        }
        return switch (s.value()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> fail(s, "'" + key + "' must be true or false: " + s.shown());
        };
    }

    /** One of a closed set of values; the error names them all. */
    String choice(Scalar s, String what, List<String> allowed) {
        if (s == null || allowed.contains(s.value())) {
            return s == null ? null : s.value();
        }
        return fail(s, "unknown " + what + " " + s.shown() + "; allowed: " + String.join(", ", allowed));
    }

    Currency currency(Scalar s) {
        if (s == null) {
            return null;
        }
        try {
            return Currency.getInstance(s.value());
        } catch (IllegalArgumentException e) {
            return fail(s, "unknown currency " + s.shown() + "; expected an ISO 4217 code such as USD");
        }
    }

    ZoneId zone(Scalar s) {
        if (s == null) {
            return null;
        }
        try {
            return ZoneId.of(s.value());
        } catch (DateTimeException e) {
            return fail(s, "unknown timezone " + s.shown() + "; expected a region id such as America/New_York");
        }
    }

    String country(Scalar s) {
        if (s == null || COUNTRIES.contains(s.value())) {
            return s == null ? null : s.value();
        }
        return fail(s, "unknown country " + s.shown() + "; expected an ISO 3166-1 alpha-2 code such as US");
    }

    LocalDate date(Scalar s, String key) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.value());
        } catch (DateTimeParseException e) {
            return fail(s, "'" + key + "' must be a date YYYY-MM-DD: " + s.shown());
        }
    }

    URI url(Scalar s, String key) {
        if (s == null) {
            return null;
        }
        try {
            URI uri = new URI(s.value());
            String scheme = uri.getScheme();
            if (("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return fail(s, "'" + key + "' must be an absolute http(s) URL: " + s.shown());
    }

    /** A Quartz cron expression (seconds first, {@code ?} for one of the day fields). */
    String cron(Scalar s, String key) {
        if (s == null) {
            return null;
        }
        try {
            CronExpression.validateExpression(s.value());
            return s.value();
        } catch (ParseException e) {
            return fail(s, "'" + key + "' is not a valid Quartz cron expression: " + s.shown());
        }
    }

    private <T> T fail(Scalar s, String message) {
        problems.at(s.file(), s.node(), message);
        return null;
    }
}
