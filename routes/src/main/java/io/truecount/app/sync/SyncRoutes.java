package io.truecount.app.sync;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.ConfigReplaced;
import io.truecount.app.config.TruecountConfig;
import io.truecount.connector.ConnectorSettings;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The sync routes: one on-demand route per configured source ({@code direct:sync-<id>}), instantiated from a template,
 * and added or removed when a reload adds or removes a source. When they run is the clustered scheduler's business
 * ({@code io.truecount.app.schedule}), not Camel's.
 */
@Component
class SyncRoutes extends RouteBuilder {

    static final String CONNECTOR_HEADER = "TruecountConnector";
    private static final Logger LOG = LoggerFactory.getLogger(SyncRoutes.class);

    private final ActiveConfig config;
    private final SyncService syncService;

    SyncRoutes(ActiveConfig config, SyncService syncService) {
        this.config = config;
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

        for (ConnectorSettings source : config.get().sources()) {
            templatedRoute(RouteIds.ON_DEMAND_PULL)
                    .routeId(RouteIds.sync(source.id()))
                    .parameter("connector", source.id());
        }
    }

    /** A source added by a reload gets its route, a removed one loses it; a changed one keeps it (it reads by id). */
    @EventListener
    void replaced(ConfigReplaced event) throws Exception {
        Set<String> before = sourceIds(event.previous());
        Set<String> after = sourceIds(event.current());
        for (String id : after) {
            if (!before.contains(id) && getContext().getRoute(RouteIds.sync(id)) == null) {
                TemplatedRouteBuilder.builder(getContext(), RouteIds.ON_DEMAND_PULL)
                        .routeId(RouteIds.sync(id))
                        .parameter("connector", id)
                        .add();
                LOG.info("route {} added", RouteIds.sync(id));
            }
        }
        for (String id : before) {
            if (!after.contains(id) && getContext().getRoute(RouteIds.sync(id)) != null) {
                getContext().getRouteController().stopRoute(RouteIds.sync(id));
                getContext().removeRoute(RouteIds.sync(id));
                LOG.info("route {} removed", RouteIds.sync(id));
            }
        }
    }

    private static Set<String> sourceIds(TruecountConfig config) {
        Set<String> ids = new TreeSet<>();
        config.sources().forEach(s -> ids.add(s.id()));
        return ids;
    }
}
