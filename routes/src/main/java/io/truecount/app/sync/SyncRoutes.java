package io.truecount.app.sync;

import io.truecount.app.TruecountProperties;
import io.truecount.app.config.ActiveConfig;
import io.truecount.connector.ConnectorSettings;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The sync routes: one on-demand route per configured source ({@code direct:sync-<id>}), and in server mode one
 * Quartz-triggered route per source that has a {@code schedule}, both instantiated from a template.
 */
@Component
class SyncRoutes extends RouteBuilder {

    static final String CONNECTOR_HEADER = "TruecountConnector";

    private final ActiveConfig config;
    private final TruecountProperties properties;
    private final SyncService syncService;

    SyncRoutes(ActiveConfig config, TruecountProperties properties, SyncService syncService) {
        this.config = config;
        this.properties = properties;
        this.syncService = syncService;
    }

    @Override
    public void configure() {
        routeTemplate(RouteIds.ON_DEMAND_PULL)
                .templateParameter("connector")
                .from("direct:sync-{{connector}}")
                .routeConfigurationId(RouteIds.SYNC_ERRORS)
                .setHeader(CONNECTOR_HEADER, constant("{{connector}}"))
                .process(exchange -> exchange.getMessage()
                        .setBody(syncService.sync(exchange.getMessage().getHeader(CONNECTOR_HEADER, String.class))));

        routeTemplate(RouteIds.SCHEDULED_PULL)
                .templateParameter("connector")
                .templateParameter("cron")
                .templateParameter("timezone")
                // Quartz cron in the company's zone; a misfire (the server was down at 02:00) fires once on start.
                .from("quartz:truecount-sync/{{connector}}?cron={{cron}}&trigger.timeZone={{timezone}}"
                        + "&trigger.misfireInstruction=1")
                .to("direct:sync-{{connector}}");

        for (ConnectorSettings source : config.get().sources()) {
            templatedRoute(RouteIds.ON_DEMAND_PULL)
                    .routeId(RouteIds.sync(source.id()))
                    .parameter("connector", source.id());
            if (properties.scheduling() && source.schedule() != null) {
                templatedRoute(RouteIds.SCHEDULED_PULL)
                        .routeId(RouteIds.schedule(source.id()))
                        .parameter("connector", source.id())
                        .parameter("cron", source.schedule().trim().replaceAll("\\s+", "+"))
                        .parameter("timezone", config.get().company().timezone().getId());
            }
        }
    }
}
