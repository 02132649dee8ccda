package io.truecount.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.truecount.app.push.PushState;
import io.truecount.core.invoice.InvoiceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauges over what the database holds: invoices by status, pushes by state, webhook events waiting and dead, and the
 * age of the oldest waiting event (the inbox's lag). One scrape reads each figure once: the counts are taken together
 * and kept for a few seconds, so a scrape of every gauge costs three queries, not one per gauge.
 */
@Component
class LedgerMetrics {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private record Snapshot(
            Instant at,
            Map<String, Long> invoices,
            Map<String, Long> pushes,
            long waiting,
            long dead,
            double lagSeconds) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicReference<Snapshot> last = new AtomicReference<>();

    LedgerMetrics(JdbcTemplate jdbc, Clock clock, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.clock = clock;
        for (InvoiceStatus status : InvoiceStatus.values()) {
            Gauge.builder("truecount.invoices", this, m -> m.snapshot()
                            .invoices()
                            .getOrDefault(status.name(), 0L))
                    .description("Current invoices by status")
                    .tag("status", status.name())
                    .register(registry);
        }
        for (PushState state : PushState.values()) {
            Gauge.builder("truecount.pushes", this, m -> m.snapshot().pushes().getOrDefault(state.name(), 0L))
                    .description("Pushes of approved invoices to sinks by state")
                    .tag("state", state.name())
                    .register(registry);
        }
        Gauge.builder("truecount.webhooks.waiting", this, m -> m.snapshot().waiting())
                .description("Webhook events stored and not yet processed")
                .register(registry);
        Gauge.builder("truecount.webhooks.dead", this, m -> m.snapshot().dead())
                .description("Webhook events that failed every attempt (dead letters)")
                .register(registry);
        Gauge.builder("truecount.webhooks.lag", this, m -> m.snapshot().lagSeconds())
                .description("Age of the oldest webhook event not yet processed")
                .baseUnit("seconds")
                .register(registry);
    }

    private Snapshot snapshot() {
        Instant now = clock.instant();
        Snapshot current = last.get();
        if (current != null && Duration.between(current.at(), now).compareTo(FRESH_FOR) < 0) {
            return current;
        }
        Snapshot fresh = new Snapshot(
                now,
                counts("select status, count(*) from invoice where credited_by is null group by status"),
                counts("select state, count(*) from push group by state"),
                count("select count(*) from webhook_event where state = 'RECEIVED'"),
                count("select count(*) from webhook_event where state = 'DEAD'"),
                lag(now));
        last.set(fresh);
        return fresh;
    }

    private Map<String, Long> counts(String sql) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private double lag(Instant now) {
        java.sql.Timestamp oldest = jdbc.queryForObject(
                "select min(received_at) from webhook_event where state = 'RECEIVED'", java.sql.Timestamp.class);
        return oldest == null ? 0 : Duration.between(oldest.toInstant(), now).toMillis() / 1000.0;
    }
}
