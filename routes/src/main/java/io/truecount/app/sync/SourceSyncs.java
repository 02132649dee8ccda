package io.truecount.app.sync;

import io.truecount.app.TruecountProperties;
import io.truecount.app.config.ActiveConfig;
import io.truecount.app.ops.Correlation;
import io.truecount.connector.ConnectorSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Service;

/**
 * Syncs several sources once, concurrently, each through its route, so that schedules, cycles and {@code truecount
 * sync} share one path (and one error policy).
 */
@Service
public class SourceSyncs {

    private final ActiveConfig config;
    private final TruecountProperties properties;
    private final ProducerTemplate producer;

    SourceSyncs(ActiveConfig config, TruecountProperties properties, ProducerTemplate producer) {
        this.config = config;
        this.properties = properties;
        this.producer = producer;
    }

    /** Every configured source, in priority order. */
    public List<SyncResult> all() {
        return of(config.get().sources().stream().map(ConnectorSettings::id).toList());
    }

    /**
     * The given sources, results in the order given.
     *
     * @throws IllegalArgumentException naming an id that is not a configured source
     */
    public List<SyncResult> of(Collection<String> connectorIds) {
        List<String> known =
                config.get().sources().stream().map(ConnectorSettings::id).toList();
        for (String id : connectorIds) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("'" + id + "' is not a source connector of this configuration"
                        + " (sources: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
            }
        }
        if (connectorIds.isEmpty()) {
            return List.of();
        }
        ExecutorService pool =
                Executors.newFixedThreadPool(Math.min(connectorIds.size(), properties.syncConcurrency()));
        try {
            List<CompletableFuture<SyncResult>> futures = new ArrayList<>();
            for (String id : connectorIds) {
                // A cycle's correlation ids follow its syncs into the pool's threads.
                futures.add(CompletableFuture.supplyAsync(
                        Correlation.carried(
                                () -> producer.requestBody(RouteIds.syncEndpoint(id), null, SyncResult.class)),
                        pool));
            }
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }
}
