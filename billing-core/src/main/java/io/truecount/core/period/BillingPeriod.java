package io.truecount.core.period;

import io.truecount.core.contract.BillingTiming;
import io.truecount.core.contract.Contract;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A span of whole calendar months that one invoice line bills: 1 month for monthly contracts, 3 or 12 for quarterly
 * and annual ones. Both ends are inclusive.
 */
public record BillingPeriod(YearMonth firstMonth, int months) {

    public BillingPeriod {
        Objects.requireNonNull(firstMonth, "firstMonth");
        if (months < 1) {
            throw new IllegalArgumentException("a billing period has at least one month");
        }
    }

    public static BillingPeriod month(YearMonth month) {
        return new BillingPeriod(month, 1);
    }

    public LocalDate start() {
        return firstMonth.atDay(1);
    }

    public LocalDate end() {
        return lastMonth().atEndOfMonth();
    }

    public YearMonth lastMonth() {
        return firstMonth.plusMonths(months - 1L);
    }

    /** Calendar days in the period, both ends counted. */
    public long days() {
        return ChronoUnit.DAYS.between(start(), end()) + 1;
    }

    /**
     * The billing period of a contract that the run for {@code runMonth} bills, if any: the one starting in that month
     * ({@code advance}) or ending in it ({@code arrears}). Periods start in the month of the contract's start and repeat
     * every cycle from there; a period the contract does not overlap at all is not billed.
     */
    public static Optional<BillingPeriod> billedBy(Contract contract, YearMonth runMonth) {
        int length = contract.cycle().months();
        YearMonth first = contract.timing() == BillingTiming.ADVANCE ? runMonth : runMonth.minusMonths(length - 1L);
        long offset = ChronoUnit.MONTHS.between(YearMonth.from(contract.start()), first);
        if (offset < 0 || offset % length != 0) {
            return Optional.empty();
        }
        BillingPeriod period = new BillingPeriod(first, length);
        return Proration.activeDays(contract, period) > 0 ? Optional.of(period) : Optional.empty();
    }
}
