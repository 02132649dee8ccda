package io.truecount.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.truecount.app.sync.SyncProgress;
import io.truecount.app.sync.SyncResult;
import io.truecount.connector.SyncStats;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Counts every finished sync, tagged with its connector: how long it took and whether it failed, what it read, how
 * often the vendor throttled it. These are this instance's counts; Prometheus sums them across instances.
 */
@Component
class SyncMetrics implements SyncProgress {

    private final MeterRegistry registry;

    SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void page(String connectorId, SyncStats stats, Duration elapsed) {
        // Per-page progress is for people watching a run; the metrics count whole runs.
    }

    @Override
    public void finished(SyncResult result) {
        String connector = result.connectorId();
        Timer.builder("truecount.sync.duration")
                .description("Time a sync of one source connector took")
                .tag("connector", connector)
                .tag("outcome", result.succeeded() ? "succeeded" : "failed")
                .register(registry)
                .record(result.elapsed());
        count(
                "truecount.sync.records",
                "Records a source delivered",
                connector,
                result.stats().records());
        count(
                "truecount.sync.requests",
                "HTTP requests sent to a source",
                connector,
                result.stats().requests());
        count(
                "truecount.sync.throttles",
                "Answers 429 (throttled) from a source",
                connector,
                result.stats().throttles());
        count("truecount.sync.failures", "Syncs that failed", connector, result.succeeded() ? 0 : 1);
    }

    private void count(String name, String description, String connector, long amount) {
        Counter.builder(name)
                .description(description)
                .tag("connector", connector)
                .register(registry)
                .increment(amount);
    }
}
