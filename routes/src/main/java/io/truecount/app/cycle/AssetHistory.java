package io.truecount.app.cycle;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.sync.ObservationRepository;
import io.truecount.app.sync.ObservationRepository.SucceededRun;
import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.CountMode;
import io.truecount.core.contract.Measure;
import io.truecount.core.contract.PerAssetLine;
import io.truecount.core.contract.TieredLine;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.AssetSnapshot;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The asset snapshots lines billing their {@code peak} or {@code average} count look at: one per successful RMM sync
 * in the window, each holding what every RMM source last reported at that instant. Built only when such a line is
 * configured; the billing core keeps the snapshots of each line's billed period.
 */
@Component
class AssetHistory {

    private final ObservationRepository observations;
    private final ActiveConfig config;
    private final Map<String, ConnectorRole> roles = new HashMap<>();

    AssetHistory(ActiveConfig config, ObservationRepository observations) {
        this.observations = observations;
        this.config = config;
        ServiceLoader.load(ConnectorType.class).forEach(t -> roles.put(t.name(), t.role()));
    }

    /** The RMM sources of the running configuration. */
    private List<String> rmmSources() {
        return config.get().sources().stream()
                .filter(s -> roles.get(s.type()) == ConnectorRole.RMM)
                .map(ConnectorSettings::id)
                .toList();
    }

    /**
     * @param asOf the run's count instant; later syncs are not history of this run
     * @param zone the company timezone, in which periods are months
     */
    List<AssetSnapshot> snapshots(List<Contract> contracts, YearMonth period, Instant asOf, ZoneId zone) {
        int months = longestCycleCountingOverTime(contracts);
        List<String> rmmSources = rmmSources();
        if (months == 0 || rmmSources.isEmpty()) {
            return List.of();
        }
        // An arrears period ending in this month starts (months - 1) earlier; an advance one starts in it.
        Instant from =
                period.minusMonths(months - 1L).atDay(1).atStartOfDay(zone).toInstant();
        Map<Long, List<AssetObservation>> assetsByRun = new HashMap<>();
        // Cached per run: a daily sync over a year shares each run's assets between its snapshots.
        return snapshots(
                observations.succeededRuns(rmmSources, from, asOf),
                from,
                rmmSources,
                run -> assetsByRun.computeIfAbsent(run.id(), id -> observations.assets(id, run.connectorId())));
    }

    /**
     * @param runs successful runs by finish time, including each source's last run before {@code from}
     * @param sources the RMM sources in priority order
     */
    static List<AssetSnapshot> snapshots(
            List<SucceededRun> runs,
            Instant from,
            List<String> sources,
            Function<SucceededRun, List<AssetObservation>> assets) {
        Map<String, SucceededRun> current = new HashMap<>();
        List<AssetSnapshot> snapshots = new ArrayList<>();
        for (SucceededRun run : runs) {
            current.put(run.connectorId(), run);
            if (run.finishedAt().isBefore(from)) {
                continue; // what was current when the window opened: state, not a snapshot of the window
            }
            List<AssetObservation> seen = new ArrayList<>();
            for (String source : sources) {
                SucceededRun latest = current.get(source);
                if (latest != null) {
                    seen.addAll(assets.apply(latest));
                }
            }
            snapshots.add(new AssetSnapshot(run.finishedAt(), seen));
        }
        return snapshots;
    }

    /** Months of the longest billing cycle among contracts with a peak or average line; 0 when there is none. */
    static int longestCycleCountingOverTime(List<Contract> contracts) {
        int months = 0;
        for (Contract contract : contracts) {
            if (contract.lines().stream().anyMatch(AssetHistory::countsOverTime)) {
                months = Math.max(months, contract.cycle().months());
            }
        }
        return months;
    }

    static boolean countsOverTime(ContractLine line) {
        CountMode mode = CountMode.PERIOD_END;
        if (line instanceof PerAssetLine perAsset) {
            mode = perAsset.count();
        } else if (line instanceof TieredLine tiered && tiered.measure() instanceof Measure.Assets assets) {
            mode = assets.mode();
        }
        return mode != CountMode.PERIOD_END;
    }
}
