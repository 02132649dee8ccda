package io.truecount.core.period;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.contract.BillingCycle;
import io.truecount.core.contract.BillingTiming;
import io.truecount.core.contract.Contract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProrationTest {

    private static final Currency USD = Currency.getInstance("USD");

    private static final BillingPeriod OCTOBER = BillingPeriod.month(YearMonth.of(2026, 10));

    private static Contract contract(String start, String end) {
        return new Contract(
                "c",
                "acme",
                LocalDate.parse(start),
                end == null ? null : LocalDate.parse(end),
                BillingCycle.MONTHLY,
                BillingTiming.ADVANCE,
                null,
                List.of());
    }

    @Test
    void leadingProration_contractStartsMidMonth_billsActiveDays() {
        Proration p = Proration.of(contract("2026-10-15", null), OCTOBER);
        assertThat(p.activeDays()).isEqualTo(17);
        assertThat(p.periodDays()).isEqualTo(31);
        assertThat(p.round(new BigDecimal("310.00"), USD)).isEqualTo("170.00");
    }

    @Test
    void trailingProration_contractEndsMidMonth_billsThroughTheEndDayInclusive() {
        Proration p = Proration.of(contract("2026-01-01", "2026-10-10"), OCTOBER);
        assertThat(p.activeDays()).isEqualTo(10);
    }

    @Test
    void bothEnds_contractStartsAndEndsInsideThePeriod() {
        Proration p = Proration.of(contract("2026-10-05", "2026-10-05"), OCTOBER);
        assertThat(p.activeDays()).isEqualTo(1);
    }

    @Test
    void noProration_contractCoversThePeriod_amountUnchanged() {
        Proration p = Proration.of(contract("2026-10-01", "2026-10-31"), OCTOBER);
        assertThat(p.isFull()).isTrue();
        assertThat(p.round(new BigDecimal("123.455"), USD)).isEqualTo("123.46");
    }

    @Test
    void quarterlyProration_countsDaysOfTheWholeQuarter() {
        Contract c = new Contract(
                "c",
                "acme",
                LocalDate.parse("2026-02-15"),
                null,
                BillingCycle.QUARTERLY,
                BillingTiming.ADVANCE,
                null,
                List.of());
        Proration p = Proration.of(c, new BillingPeriod(YearMonth.of(2026, 1), 3));
        assertThat(p.periodDays()).isEqualTo(90);
        assertThat(p.activeDays()).isEqualTo(14 + 31);
    }

    @Test
    void trailingProration_isTheActiveShareRoundedHalfUpOnce() {
        // 45.01 x 15 / 30 = 22.505: a half cent, rounded up.
        Proration p = Proration.of(contract("2026-01-01", "2026-11-15"), BillingPeriod.month(YearMonth.of(2026, 11)));
        assertThat(p.round(new BigDecimal("45.01"), USD)).isEqualTo("22.51");
    }

    @Test
    void leadingProration_afterAHalfCentOfDaysBefore_billsTheRestOfTheWhole() {
        // The first 15 days are worth 22.505 -> 22.51, so the last 15 bill 45.01 - 22.51 = 22.50 and the two halves
        // of a replaced contract bill exactly 45.01, not 45.02.
        Proration p = Proration.of(contract("2026-11-16", null), BillingPeriod.month(YearMonth.of(2026, 11)));
        assertThat(p.daysBefore()).isEqualTo(15);
        assertThat(p.round(new BigDecimal("45.01"), USD)).isEqualTo("22.50");
    }

    @Test
    void bothEnds_billTheDifferenceOfTheCumulativeAmounts() {
        // 31.00 over 31 days is 1.00 a day: days 5..9 are 5.00 whatever the rounding.
        Proration p = Proration.of(contract("2026-10-05", "2026-10-09"), OCTOBER);
        assertThat(p.round(new BigDecimal("31.00"), USD)).isEqualTo("5.00");
    }
}
