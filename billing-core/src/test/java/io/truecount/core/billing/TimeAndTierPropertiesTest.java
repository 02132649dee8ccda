package io.truecount.core.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.contract.CountMode;
import io.truecount.core.contract.Measure;
import io.truecount.core.contract.TieredLine;
import io.truecount.core.observation.AssetClass;
import io.truecount.core.observation.TimeEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of time rounding and tier pricing for any entry length, increment, quantity and tier prices. */
class TimeAndTierPropertiesTest {

    private static TimeEntry entry(BigDecimal hours) {
        return new TimeEntry(
                "cw",
                "19",
                "e",
                "1",
                null,
                null,
                "Remote",
                null,
                null,
                true,
                Instant.parse("2026-10-01T14:00:00Z"),
                hours);
    }

    @Property
    void roundedMinutes_areTheSmallestWholeIncrementNotBelowTheWork(
            @ForAll("hours") BigDecimal hours, @ForAll @IntRange(min = 1, max = 60) int increment) {
        BigDecimal minutes = TimeRater.roundedMinutes(entry(hours), increment);
        BigDecimal worked = hours.multiply(BigDecimal.valueOf(60));
        BigDecimal inc = BigDecimal.valueOf(increment);
        assertThat(minutes.remainder(inc).signum()).isZero();
        assertThat(minutes).isGreaterThanOrEqualTo(worked);
        assertThat(minutes.subtract(inc)).isLessThan(worked);
    }

    private static TieredLine tiers(TieredLine.Mode mode, BigDecimal p1, BigDecimal p2, BigDecimal p3) {
        return new TieredLine(
                "t",
                "T",
                true,
                new Measure.Assets(Set.of(AssetClass.WORKSTATION), CountMode.PERIOD_END),
                mode,
                List.of(
                        new TieredLine.Tier(BigDecimal.TEN, p1),
                        new TieredLine.Tier(BigDecimal.valueOf(20), p2),
                        new TieredLine.Tier(null, p3)));
    }

    @Property
    void graduatedPricing_neverFallsAsQuantityGrows_andOneMoreUnitCostsItsTiersPrice(
            @ForAll @IntRange(max = 60) int quantity,
            @ForAll("prices") BigDecimal p1,
            @ForAll("prices") BigDecimal p2,
            @ForAll("prices") BigDecimal p3) {
        TieredLine line = tiers(TieredLine.Mode.GRADUATED, p1, p2, p3);
        BigDecimal now = TierPricing.price(line, BigDecimal.valueOf(quantity)).amount();
        BigDecimal next =
                TierPricing.price(line, BigDecimal.valueOf(quantity + 1L)).amount();
        BigDecimal unit = quantity < 10 ? p1 : quantity < 20 ? p2 : p3;
        assertThat(next.subtract(now)).isEqualByComparingTo(unit);
    }

    @Property
    void volumePricing_billsEveryUnitAtTheTierOfTheWholeQuantity(
            @ForAll @IntRange(max = 60) int quantity,
            @ForAll("prices") BigDecimal p1,
            @ForAll("prices") BigDecimal p2,
            @ForAll("prices") BigDecimal p3) {
        TieredLine line = tiers(TieredLine.Mode.VOLUME, p1, p2, p3);
        BigDecimal unit = quantity <= 10 ? p1 : quantity <= 20 ? p2 : p3;
        assertThat(TierPricing.price(line, BigDecimal.valueOf(quantity)).amount())
                .isEqualByComparingTo(unit.multiply(BigDecimal.valueOf(quantity)));
    }

    @Provide
    Arbitrary<BigDecimal> hours() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), new BigDecimal("24"))
                .ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> prices() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("500"))
                .ofScale(2);
    }
}
