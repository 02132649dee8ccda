package io.truecount.core.observation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the RMM sources together reported at one instant of a period: each source's latest successful sync at that
 * time. A line counting its {@code peak} or {@code average} looks at the snapshots of the billed period.
 */
public record AssetSnapshot(Instant at, List<AssetObservation> assets) {

    public AssetSnapshot {
        Objects.requireNonNull(at, "at");
        assets = List.copyOf(assets);
    }
}
