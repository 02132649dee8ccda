package io.truecount.app.ops;

import io.truecount.app.TruecountProperties;
import io.truecount.app.config.ActiveConfig;
import io.truecount.app.sync.RouteIds;
import io.truecount.connector.ConnectorSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.RouteController;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code routes} in the readiness group: the server takes traffic once Camel has started and has started every route
 * it needs (each source's sync route, the push outbox, the webhook inbox) and every other route meant to start with
 * it (notices, schedules).
 *
 * <p>A route the supervising route controller is still retrying counts as ready. Routes start without calling
 * vendors, so a failing start is rare and local (the database behind a clustered scheduler, say); while it retries,
 * the server can still take webhooks and API calls, and an orchestrator that held traffic back (or restarted the
 * instance) over one connector would turn one vendor's outage into an outage of everything. A route the controller has
 * given up on, a required route that is missing, or one that was stopped is not ready.
 */
@Component
class RoutesHealthIndicator implements HealthIndicator {

    private final CamelContext camel;
    private final ActiveConfig config;
    private final TruecountProperties properties;

    RoutesHealthIndicator(CamelContext camel, ActiveConfig config, TruecountProperties properties) {
        this.camel = camel;
        this.config = config;
        this.properties = properties;
    }

    @Override
    public Health health() {
        if (!camel.isStarted()) {
            return Health.outOfService()
                    .withDetail("camel", camel.getStatus().name())
                    .build();
        }
        RouteController controller = camel.getRouteController();
        if (controller.isStartingRoutes()) {
            return Health.outOfService().withDetail("camel", "starting routes").build();
        }
        Set<String> retrying = controller.isSupervising()
                ? controller.supervising().getRestartingRoutes().stream()
                        .map(Route::getRouteId)
                        .collect(Collectors.toSet())
                : Set.of();
        Map<String, String> routes = new TreeMap<>();
        boolean ready = true;
        for (String id : expected()) {
            String state = state(controller.getRouteStatus(id), retrying.contains(id));
            routes.put(id, state);
            ready &= isReady(state);
        }
        return (ready ? Health.up() : Health.outOfService())
                .withDetail("routes", routes)
                .build();
    }

    /**
     * The server's own routes, then every other route that starts with the context: the supervising controller's (it
     * turns their auto-startup off to start them itself) and any it does not supervise, except those configured not to
     * start.
     */
    private Set<String> expected() {
        Set<String> ids = new LinkedHashSet<>(required());
        for (Route route : camel.getRoutes()) {
            if (Boolean.TRUE.equals(route.getProperties().get(Route.SUPERVISED))
                    || !Boolean.FALSE.equals(route.isAutoStartup())) {
                ids.add(route.getRouteId());
            }
        }
        return ids;
    }

    private List<String> required() {
        List<String> ids = new ArrayList<>();
        for (ConnectorSettings source : config.get().sources()) {
            ids.add(RouteIds.sync(source.id()));
        }
        if (properties.scheduling()) {
            ids.add(RouteIds.PUSH_OUTBOX);
            ids.add(RouteIds.WEBHOOK_INBOX);
        }
        return ids;
    }

    private static String state(ServiceStatus status, boolean retrying) {
        if (status == null) {
            return "missing";
        }
        if (status.isStarted()) {
            return "started";
        }
        return retrying ? "retrying" : status.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isReady(String state) {
        return state.equals("started") || state.equals("retrying");
    }
}
