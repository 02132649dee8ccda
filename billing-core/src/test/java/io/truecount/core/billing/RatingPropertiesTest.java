package io.truecount.core.billing;

import static io.truecount.core.Fixtures.USD;
import static io.truecount.core.Fixtures.company;
import static io.truecount.core.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.contract.BillingCycle;
import io.truecount.core.contract.BillingTiming;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.CountMode;
import io.truecount.core.contract.FlatLine;
import io.truecount.core.contract.Measure;
import io.truecount.core.contract.PerAssetLine;
import io.truecount.core.contract.TaxRule;
import io.truecount.core.contract.TieredLine;
import io.truecount.core.counting.SourcePolicy;
import io.truecount.core.invoice.InMemoryInvoiceStore;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceDraft;
import io.truecount.core.invoice.InvoiceLedger;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.money.Money;
import io.truecount.core.observation.AssetClass;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of rating that must hold for any prices, quantities, dates and tax rates. */
class RatingPropertiesTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final Instant AS_OF = Instant.parse("2026-11-30T12:00:00Z");

    /** Bills one contract for acme in {@code MONTH} with {@code devices} workstations, and returns its draft. */
    private static InvoiceDraft bill(int devices, Contract... contracts) {
        List<AssetObservation> assets = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            assets.add(new AssetObservation(
                    "ninja",
                    "1",
                    "d" + i,
                    "PC-" + i,
                    AssetClass.WORKSTATION,
                    "WINDOWS_WORKSTATION",
                    true,
                    "SN" + i,
                    List.of(),
                    Instant.parse("2025-01-01T00:00:00Z"),
                    AS_OF.minusSeconds(60)));
        }
        SourceData ninja =
                SourceData.succeeded("ninja", List.of(new ExternalOrganization("ninja", "1", "Acme")), assets);
        BillingOutcome outcome = BillingRun.run(new BillingInput(
                company(),
                List.of(customer("acme", "1")),
                List.of(contracts),
                List.of(new SourcePolicy("ninja", 0, Duration.ofDays(30))),
                MONTH,
                AS_OF,
                Map.of("ninja", ninja)));
        return outcome.drafts().isEmpty() ? null : outcome.drafts().get(0);
    }

    private static Contract contract(String id, LocalDate start, LocalDate end, ContractLine... lines) {
        return new Contract(id, "acme", start, end, BillingCycle.MONTHLY, BillingTiming.ADVANCE, null, List.of(lines));
    }

    private static BigDecimal billed(InvoiceDraft draft) {
        return draft == null ? BigDecimal.ZERO : draft.subtotal();
    }

    @Property
    void fullPeriodProration_equalsNoProration(
            @ForAll("prices") BigDecimal price, @ForAll @IntRange(max = 40) int devices) {
        PerAssetLine line =
                new PerAssetLine("ws", "Workstations", true, Set.of(AssetClass.WORKSTATION), price, null, null);
        BigDecimal fromFirstDay = billed(bill(devices, contract("c", MONTH.atDay(1), MONTH.atEndOfMonth(), line)));
        BigDecimal openEnded = billed(bill(devices, contract("c", LocalDate.of(2020, 1, 1), null, line)));
        assertThat(fromFirstDay)
                .isEqualTo(openEnded)
                .isEqualByComparingTo(Money.round(price.multiply(BigDecimal.valueOf(devices)), USD));
    }

    @Property
    void splittingAPeriod_neverBillsMoreThanTheWhole(
            @ForAll("prices") BigDecimal amount,
            @ForAll @IntRange(min = 1, max = 29) int lastDayOfFirstPart,
            @ForAll @IntRange(min = 0, max = 29) int secondSplit) {
        FlatLine fee = new FlatLine("f", "Fee", true, amount);
        BigDecimal whole = billed(bill(0, contract("c", MONTH.atDay(1), null, fee)));
        // The period cut into two or three adjacent contracts, as when a contract is replaced mid-month.
        int cut2 = Math.max(lastDayOfFirstPart + 1, Math.min(29, lastDayOfFirstPart + secondSplit));
        List<Contract> parts = new ArrayList<>();
        parts.add(contract("a", LocalDate.of(2026, 1, 1), MONTH.atDay(lastDayOfFirstPart), fee));
        if (cut2 > lastDayOfFirstPart + 1) {
            parts.add(contract("b", MONTH.atDay(lastDayOfFirstPart + 1), MONTH.atDay(cut2 - 1), fee));
            parts.add(contract("c", MONTH.atDay(cut2), null, fee));
        } else {
            parts.add(contract("b", MONTH.atDay(lastDayOfFirstPart + 1), null, fee));
        }
        BigDecimal split = billed(bill(0, parts.toArray(Contract[]::new)));
        assertThat(split).isLessThanOrEqualTo(whole);
        // The cumulative rounding rule makes the pieces add up exactly.
        assertThat(split).isEqualTo(whole);
    }

    @Property
    void totals_areTheSumOfRoundedLinesPlusRoundedTax(
            @ForAll("prices") BigDecimal flatAmount,
            @ForAll("prices") BigDecimal unitPrice,
            @ForAll @IntRange(max = 60) int devices,
            @ForAll @IntRange(min = 1, max = 28) int startDay,
            @ForAll("rates") BigDecimal ratePercent) {
        TieredLine tiered = new TieredLine(
                "t",
                "Tiered",
                false,
                new Measure.Assets(Set.of(AssetClass.WORKSTATION), CountMode.PERIOD_END),
                TieredLine.Mode.GRADUATED,
                List.of(
                        new TieredLine.Tier(BigDecimal.TEN, unitPrice),
                        new TieredLine.Tier(null, Money.round(unitPrice.movePointLeft(1), USD))));
        Contract contract = contract(
                "c",
                MONTH.atDay(startDay),
                null,
                new FlatLine("f", "Fee", true, flatAmount),
                new PerAssetLine("ws", "Workstations", true, Set.of(AssetClass.WORKSTATION), unitPrice, null, null),
                tiered);
        InvoiceDraft billed = bill(devices, contract);
        InvoiceDraft draft = new InvoiceDraft(
                billed.customerId(),
                USD,
                billed.periodStart(),
                billed.periodEnd(),
                billed.lines(),
                new TaxRule(ratePercent, "S", null),
                null);
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal taxable = BigDecimal.ZERO;
        for (InvoiceLine line : draft.lines()) {
            assertThat(line.amount().scale()).isEqualTo(2);
            sum = sum.add(line.amount());
            taxable = line.taxable() ? taxable.add(line.amount()) : taxable;
        }
        assertThat(draft.subtotal()).isEqualTo(sum);
        assertThat(draft.taxAmount())
                .isEqualTo(Money.round(taxable.multiply(ratePercent).movePointLeft(2), USD));
        assertThat(draft.total()).isEqualTo(draft.subtotal().add(draft.taxAmount()));
    }

    @Property
    void regeneratingTwice_isIdentical(
            @ForAll("prices") BigDecimal unitPrice,
            @ForAll @IntRange(max = 30) int devices,
            @ForAll @IntRange(min = 1, max = 28) int startDay) {
        Contract contract = contract(
                "c",
                MONTH.atDay(startDay),
                null,
                new PerAssetLine("ws", "Workstations", true, Set.of(AssetClass.WORKSTATION), unitPrice, null, null));
        InMemoryInvoiceStore store = new InMemoryInvoiceStore();
        InvoiceLedger ledger =
                new InvoiceLedger(store, company(), Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
        List<Invoice> first = ledger.converge(MONTH, List.of(bill(devices, contract)), Set.of(), "t")
                .invoices();
        List<Invoice> second = ledger.converge(MONTH, List.of(bill(devices, contract)), Set.of(), "t")
                .invoices();
        assertThat(second).isEqualTo(first);
        assertThat(store.transitions(first.get(0).number())).hasSize(1);
    }

    @Provide
    Arbitrary<BigDecimal> prices() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("100000"))
                .ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> rates() {
        return Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("30"))
                .ofScale(3);
    }
}
