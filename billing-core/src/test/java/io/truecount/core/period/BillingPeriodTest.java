package io.truecount.core.period;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.contract.BillingCycle;
import io.truecount.core.contract.BillingTiming;
import io.truecount.core.contract.Contract;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillingPeriodTest {

    private static Contract contract(String start, String end, BillingCycle cycle, BillingTiming timing) {
        return new Contract(
                "c",
                "acme",
                LocalDate.parse(start),
                end == null ? null : LocalDate.parse(end),
                cycle,
                timing,
                null,
                List.of());
    }

    @Test
    void monthlyAdvance_billsTheRunMonth() {
        Contract c = contract("2026-01-01", null, BillingCycle.MONTHLY, BillingTiming.ADVANCE);
        BillingPeriod period = BillingPeriod.billedBy(c, YearMonth.of(2026, 10)).orElseThrow();
        assertThat(period.start()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(period.end()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(period.days()).isEqualTo(31);
    }

    @Test
    void monthlyArrears_billsTheRunMonthToo() {
        Contract c = contract("2026-01-01", null, BillingCycle.MONTHLY, BillingTiming.ARREARS);
        assertThat(BillingPeriod.billedBy(c, YearMonth.of(2026, 2)))
                .contains(BillingPeriod.month(YearMonth.of(2026, 2)));
    }

    @Test
    void quarterlyAdvance_billsOnlyInTheMonthsAPeriodStarts() {
        Contract c = contract("2026-02-15", null, BillingCycle.QUARTERLY, BillingTiming.ADVANCE);
        assertThat(BillingPeriod.billedBy(c, YearMonth.of(2026, 2)))
                .contains(new BillingPeriod(YearMonth.of(2026, 2), 3));
        assertThat(BillingPeriod.billedBy(c, YearMonth.of(2026, 3))).isEmpty();
        assertThat(BillingPeriod.billedBy(c, YearMonth.of(2026, 4))).isEmpty();
        assertThat(BillingPeriod.billedBy(c, YearMonth.of(2026, 5)))
                .contains(new BillingPeriod(YearMonth.of(2026, 5), 3));
    }

    @Test
    void quarterlyArrears_billsInTheMonthAPeriodEnds() {
        Contract c = contract("2026-01-01", null, BillingCycle.QUARTERLY, BillingTiming.ARREARS);
        assertThat(BillingPeriod.billedBy(c, YearMonth.of(2026, 1))).isEmpty();
        BillingPeriod q1 = BillingPeriod.billedBy(c, YearMonth.of(2026, 3)).orElseThrow();
        assertThat(q1.start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(q1.end()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(q1.days()).isEqualTo(90);
    }

    @Test
    void annual_isTwelveMonthsFromTheStartMonth() {
        Contract c = contract("2026-07-01", null, BillingCycle.ANNUAL, BillingTiming.ADVANCE);
        BillingPeriod year = BillingPeriod.billedBy(c, YearMonth.of(2026, 7)).orElseThrow();
        assertThat(year.end()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(BillingPeriod.billedBy(c, YearMonth.of(2027, 7))).isPresent();
        assertThat(BillingPeriod.billedBy(c, YearMonth.of(2027, 1))).isEmpty();
    }

    @Test
    void beforeTheContractStarts_nothingIsBilled() {
        Contract c = contract("2026-11-10", null, BillingCycle.MONTHLY, BillingTiming.ADVANCE);
        assertThat(BillingPeriod.billedBy(c, YearMonth.of(2026, 10))).isEmpty();
    }

    @Test
    void afterTheContractEnded_nothingIsBilled() {
        Contract c = contract("2026-01-01", "2026-09-30", BillingCycle.MONTHLY, BillingTiming.ADVANCE);
        assertThat(BillingPeriod.billedBy(c, YearMonth.of(2026, 9))).isPresent();
        assertThat(BillingPeriod.billedBy(c, YearMonth.of(2026, 10))).isEmpty();
    }
}
