package io.truecount.app.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.app.sync.ObservationRepository.SucceededRun;
import io.truecount.core.contract.BillingCycle;
import io.truecount.core.contract.BillingTiming;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.CountMode;
import io.truecount.core.contract.FlatLine;
import io.truecount.core.contract.Measure;
import io.truecount.core.contract.PerAssetLine;
import io.truecount.core.contract.TieredLine;
import io.truecount.core.observation.AssetClass;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.AssetSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which contracts need asset history, and how snapshots combine each RMM source's latest run. */
class AssetHistoryTest {

    private static final Instant FROM = Instant.parse("2026-10-01T04:00:00Z");

    private static PerAssetLine perAsset(CountMode mode) {
        return new PerAssetLine(
                "ws", "Workstations", true, Set.of(AssetClass.WORKSTATION), BigDecimal.TEN, null, null, mode);
    }

    private static TieredLine tiered(CountMode mode) {
        return new TieredLine(
                "tiers",
                "Tiered",
                true,
                new Measure.Assets(Set.of(AssetClass.SERVER), mode),
                TieredLine.Mode.VOLUME,
                List.of(new TieredLine.Tier(null, BigDecimal.ONE)));
    }

    private static Contract contract(BillingCycle cycle, ContractLine... lines) {
        return new Contract(
                "c-" + cycle,
                "acme",
                LocalDate.of(2026, 1, 1),
                null,
                cycle,
                BillingTiming.ARREARS,
                null,
                List.of(lines));
    }

    @Test
    void history_isNeededOnlyForPeakOrAverageAssetCounts_overTheLongestSuchCycle() {
        FlatLine flat = new FlatLine("fee", "Fee", true, BigDecimal.TEN);
        assertThat(AssetHistory.longestCycleCountingOverTime(List.of(
                        contract(BillingCycle.ANNUAL, flat, perAsset(CountMode.PERIOD_END)),
                        contract(BillingCycle.QUARTERLY, tiered(CountMode.PERIOD_END)))))
                .isZero();
        assertThat(AssetHistory.longestCycleCountingOverTime(List.of(
                        contract(BillingCycle.ANNUAL, perAsset(CountMode.PERIOD_END)),
                        contract(BillingCycle.QUARTERLY, tiered(CountMode.AVERAGE)),
                        contract(BillingCycle.MONTHLY, perAsset(CountMode.PEAK)))))
                .isEqualTo(3);
    }

    @Test
    void eachRunInTheWindow_isASnapshotOfEverySourcesLatestRun() {
        SucceededRun ninjaBefore = new SucceededRun(1, "ninja", FROM.minusSeconds(3600));
        SucceededRun dattoInside = new SucceededRun(2, "datto", FROM.plusSeconds(60));
        SucceededRun ninjaInside = new SucceededRun(3, "ninja", FROM.plusSeconds(120));

        List<AssetSnapshot> snapshots = AssetHistory.snapshots(
                List.of(ninjaBefore, dattoInside, ninjaInside),
                FROM,
                List.of("ninja", "datto"),
                run -> List.of(asset(run.connectorId(), "run" + run.id())));

        assertThat(snapshots)
                .extracting(AssetSnapshot::at)
                .containsExactly(FROM.plusSeconds(60), FROM.plusSeconds(120));
        assertThat(snapshots.get(0).assets())
                .extracting(AssetObservation::externalId)
                .as("ninja's run from before the window is still what ninja reported")
                .containsExactly("run1", "run2");
        assertThat(snapshots.get(1).assets())
                .extracting(AssetObservation::externalId)
                .containsExactly("run3", "run2");
    }

    @Test
    void noRunInTheWindow_noSnapshot() {
        SucceededRun before = new SucceededRun(1, "ninja", FROM.minusSeconds(60));
        assertThat(AssetHistory.snapshots(List.of(before), FROM, List.of("ninja"), run -> List.of()))
                .isEmpty();
    }

    private static AssetObservation asset(String connector, String id) {
        return new AssetObservation(
                connector, "12", id, id, AssetClass.WORKSTATION, null, true, null, List.of(), null, FROM);
    }
}
