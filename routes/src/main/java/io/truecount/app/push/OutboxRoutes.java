package io.truecount.app.push;

import io.truecount.app.TruecountProperties;
import io.truecount.app.sync.RouteIds;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Server mode: a timer that delivers due pushes. Every instance runs it; {@code SKIP LOCKED} claims keep them from
 * taking the same push.
 */
@Component
class OutboxRoutes extends RouteBuilder {

    private final TruecountProperties properties;
    private final PushWorker worker;

    OutboxRoutes(TruecountProperties properties, PushWorker worker) {
        this.properties = properties;
        this.worker = worker;
    }

    @Override
    public void configure() {
        if (!properties.scheduling()) {
            return;
        }
        from("timer:" + RouteIds.PUSH_OUTBOX + "?period=" + properties.push().pollMillis())
                .routeId(RouteIds.PUSH_OUTBOX)
                .process(exchange -> {
                    try {
                        // Keep going while there is work; the timer comes back for retries that fall due later.
                        int delivered;
                        do {
                            delivered = worker.deliverDue(null);
                        } while (delivered > 0);
                    } catch (DataAccessException | TransactionException e) {
                        // The database is away: claimed pushes stay leased and are resumed by reading back.
                        log.warn("outbox not delivered this time: {}", e.getMessage());
                    }
                });
    }
}
