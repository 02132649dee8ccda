package io.truecount.core.counting;

import java.time.Duration;
import java.util.Objects;

/**
 * How counting treats one source connector: its place in the priority order (the YAML order of {@code connectors:})
 * and, for RMM sources, after how long without contact an asset is stale.
 *
 * @param staleAfter null: assets never go stale
 */
public record SourcePolicy(String connectorId, int priority, Duration staleAfter) {

    public SourcePolicy {
        Objects.requireNonNull(connectorId, "connectorId");
    }
}
