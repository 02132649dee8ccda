package io.truecount.core.period;

import io.truecount.core.contract.Contract;
import io.truecount.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Proration of recurring amounts when a contract starts or ends inside a billed period (CONFIG.md, Periods): the
 * amount is multiplied by {@code activeDays / daysInPeriod}, calendar days, both ends inclusive.
 *
 * <p>The factor is kept as a numerator and denominator rather than a decimal so that the caller multiplies first and
 * divides once: {@code round(quantity x price x activeDays / days)} loses nothing before the single rounding.
 */
public record Proration(long activeDays, long periodDays) {

    public static Proration of(Contract contract, BillingPeriod period) {
        return new Proration(activeDays(contract, period), period.days());
    }

    public boolean isFull() {
        return activeDays == periodDays;
    }

    /** Applies the factor to an unrounded amount; exact where the quotient terminates. */
    public BigDecimal apply(BigDecimal amount) {
        if (isFull()) {
            return amount;
        }
        return Money.divide(amount.multiply(BigDecimal.valueOf(activeDays)), BigDecimal.valueOf(periodDays));
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
