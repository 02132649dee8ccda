package io.truecount.app.sync;

import io.truecount.connector.SyncStats;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The error policy of sync routes, in one place. Vendor failures never get here: the sync service records them as a
 * failed run. What gets here is the route's own failure (the database refused the run); it is logged and answered as
 * a failed sync, so a caller waiting for a result sees a failure, never an exception it did not expect.
 */
@Component
class SyncErrorPolicy extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration(RouteIds.SYNC_ERRORS)
                .onException(Exception.class)
                .handled(true)
                .log(LoggingLevel.ERROR, "sync route ${routeId} failed: ${exception.message}")
                .process(exchange -> {
                    Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                    String connector = exchange.getMessage().getHeader(SyncRoutes.CONNECTOR_HEADER, String.class);
                    exchange.getMessage()
                            .setBody(new SyncResult(
                                    connector,
                                    -1,
                                    connector + ": sync could not run: " + cause.getMessage(),
                                    new SyncStats(),
                                    Duration.ZERO));
                });
    }
}
