package io.truecount.app.webhook;

import io.truecount.app.TruecountProperties;
import io.truecount.app.sync.RouteIds;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Server mode: a timer that processes events whose retry fell due, and those another instance stored. New events are
 * processed at once by the instance that received them ({@link InboxWorker#wake()}).
 */
@Component
class InboxRoutes extends RouteBuilder {

    private final TruecountProperties properties;
    private final InboxWorker worker;

    InboxRoutes(TruecountProperties properties, InboxWorker worker) {
        this.properties = properties;
        this.worker = worker;
    }

    @Override
    public void configure() {
        if (!properties.scheduling()) {
            return;
        }
        from("timer:" + RouteIds.WEBHOOK_INBOX + "?period="
                        + properties.webhooks().pollMillis())
                .routeId(RouteIds.WEBHOOK_INBOX)
                .process(exchange -> {
                    try {
                        worker.drain();
                    } catch (DataAccessException | TransactionException e) {
                        // The database is away (a restart, a failover): nothing was lost, the next tick tries again.
                        log.warn("webhook inbox not processed this time: {}", e.getMessage());
                    }
                });
    }
}
