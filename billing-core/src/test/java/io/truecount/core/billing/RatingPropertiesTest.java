package io.truecount.core.billing;

import static io.truecount.core.Fixtures.USD;
import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.contract.BillingCycle;
import io.truecount.core.contract.BillingTiming;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.FlatLine;
import io.truecount.core.contract.TaxRule;
import io.truecount.core.counting.AssetCount;
import io.truecount.core.invoice.InvoiceDraft;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.money.Money;
import io.truecount.core.period.BillingPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class RatingPropertiesTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 2);
    private static final AssetCount NO_ASSETS = new AssetCount(List.of(), List.of(), List.of());

    @Provide
    Arbitrary<BigDecimal> prices() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("100000"))
                .ofScale(3);
    }

    @Provide
    Arbitrary<BigDecimal> rates() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("30"))
                .ofScale(3);
    }

    private static Contract flat(LocalDate start, LocalDate end, BigDecimal amount) {
        return new Contract(
                "c",
                "acme",
                start,
                end,
                BillingCycle.MONTHLY,
                BillingTiming.ADVANCE,
                null,
                List.of(new FlatLine("f", "Flat", true, amount)));
    }

    private static BigDecimal rate(Contract contract) {
        ContractRater.Rated rated = new ContractRater(USD).rate(contract, BillingPeriod.month(MONTH), NO_ASSETS);
        return rated.lines().get(0).amount();
    }

    @Property
    void fullPeriodProration_equalsNoProration(@ForAll("prices") BigDecimal amount) {
        BigDecimal fromFirstDay = rate(flat(MONTH.atDay(1), MONTH.atEndOfMonth(), amount));
        BigDecimal openEnded = rate(flat(LocalDate.of(2020, 1, 1), null, amount));
        assertThat(fromFirstDay).isEqualTo(openEnded).isEqualTo(Money.round(amount, USD));
    }

    @Property
    void splittingAPeriod_neverBillsMoreThanTheWholeBeyondOneRoundingStep(
            @ForAll("prices") BigDecimal amount, @ForAll @IntRange(min = 1, max = 27) int lastDayOfFirstPart) {
        BigDecimal whole = rate(flat(MONTH.atDay(1), null, amount));
        BigDecimal first = rate(flat(MONTH.atDay(1), MONTH.atDay(lastDayOfFirstPart), amount));
        BigDecimal second = rate(flat(MONTH.atDay(lastDayOfFirstPart + 1), null, amount));
        // Each part rounds half-up once, so two parts may differ from the whole by at most one minor unit each way.
        assertThat(first.add(second).subtract(whole).abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
    }

    @Property
    void totals_areTheSumOfRoundedLinesPlusRoundedTax(
            @ForAll("prices") BigDecimal a, @ForAll("prices") BigDecimal b, @ForAll("rates") BigDecimal ratePercent) {
        InvoiceLine l1 = line(Money.round(a, USD), true);
        InvoiceLine l2 = line(Money.round(b, USD), false);
        InvoiceDraft draft = new InvoiceDraft(
                "acme",
                USD,
                MONTH.atDay(1),
                MONTH.atEndOfMonth(),
                List.of(l1, l2),
                new TaxRule(ratePercent, "S", null),
                false);
        assertThat(draft.subtotal()).isEqualTo(l1.amount().add(l2.amount()));
        assertThat(draft.taxAmount())
                .isEqualTo(Money.round(l1.amount().multiply(ratePercent).divide(new BigDecimal("100")), USD));
        assertThat(draft.total()).isEqualTo(draft.subtotal().add(draft.taxAmount()));
        assertThat(draft.total().scale()).isEqualTo(2);
    }

    private static InvoiceLine line(BigDecimal amount, boolean taxable) {
        return new InvoiceLine("c", "l", "Line", BigDecimal.ONE, InvoiceLine.Unit.EACH, amount, amount, taxable);
    }
}
