package io.truecount.core.period;

import io.truecount.core.contract.Contract;
import io.truecount.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;

/**
 * Proration of recurring amounts when a contract starts or ends inside a billed period (CONFIG.md, Periods): the
 * amount is multiplied by {@code activeDays / daysInPeriod}, calendar days, both ends inclusive.
 *
 * <p>Rounding follows the cumulative rule: with {@code R(k) = round(amount × k / periodDays)} the amount billed through
 * day {@code k} of the period, the active days {@code a..b} bill {@code R(b) − R(a − 1)}. A proration that starts on
 * the first day (a contract ending mid-period) is therefore exactly {@code round(amount × activeDays / periodDays)},
 * and any split of a period into adjacent pieces bills exactly the whole period, never a cent more: rounding each
 * piece on its own could bill two half-cents up. Only when the days before the active part cost exactly a half cent
 * does a piece differ (by one cent) from rounding it alone.
 *
 * @param daysBefore days of the period before the contract starts
 * @param activeDays days of the period the contract runs
 * @param periodDays all days of the period
 */
public record Proration(long daysBefore, long activeDays, long periodDays) {

    public static Proration of(Contract contract, BillingPeriod period) {
        long before = contract.start().isAfter(period.start())
                ? ChronoUnit.DAYS.between(period.start(), contract.start())
                : 0;
        return new Proration(before, activeDays(contract, period), period.days());
    }

    public boolean isFull() {
        return activeDays == periodDays;
    }

    /** The prorated amount, rounded to the currency's minor unit by the cumulative rule. */
    public BigDecimal round(BigDecimal amount, Currency currency) {
        if (isFull()) {
            return Money.round(amount, currency);
        }
        return through(amount, daysBefore + activeDays, currency).subtract(through(amount, daysBefore, currency));
    }

    /** R(k): the amount billed for the first {@code days} days of the period. */
    private BigDecimal through(BigDecimal amount, long days, Currency currency) {
        if (days == 0) {
            return Money.zero(currency);
        }
        return Money.round(
                Money.divide(amount.multiply(BigDecimal.valueOf(days)), BigDecimal.valueOf(periodDays)), currency);
    }

    static long activeDays(Contract contract, BillingPeriod period) {
        LocalDate from = later(contract.start(), period.start());
        LocalDate to = contract.end() == null ? period.end() : earlier(contract.end(), period.end());
        return to.isBefore(from) ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
