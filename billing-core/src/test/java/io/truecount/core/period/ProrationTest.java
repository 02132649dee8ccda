package io.truecount.core.period;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.contract.BillingCycle;
import io.truecount.core.contract.BillingTiming;
import io.truecount.core.contract.Contract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProrationTest {

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
        assertThat(p.apply(new BigDecimal("310.00"))).isEqualByComparingTo("170");
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
        BigDecimal amount = new BigDecimal("123.456");
        assertThat(p.apply(amount)).isSameAs(amount);
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
}
