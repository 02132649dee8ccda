package io.truecount.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.app.TruecountProperties;
import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.TruecountConfig;
import io.truecount.connector.ConnectorSettings;
import io.truecount.core.contract.Address;
import io.truecount.core.contract.Company;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.SupervisingRouteController;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.DefaultEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Readiness on a real Camel context with the supervising route controller the server runs: out of service until the
 * routes have started, ready while a route that failed to start is being retried, not ready when a route the server
 * needs is missing or stopped.
 */
class RoutesHealthIndicatorTest {

    private final AtomicBoolean vendorDown = new AtomicBoolean();
    private CamelContext camel;

    @AfterEach
    void stopCamel() {
        if (camel != null) {
            camel.stop();
        }
    }

    @Test
    void beforeCamelStarts_isOutOfService() throws Exception {
        camel = camel(true, 0);
        camel.addRoutes(serverRoutes(true));

        assertThat(indicator().health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void whileRoutesAreStillStarting_isOutOfService_thenUp() throws Exception {
        camel = camel(true, 1500);
        camel.addRoutes(serverRoutes(true));
        camel.start();

        Health starting = indicator().health();
        Health started = awaitStatus(Status.UP, Duration.ofSeconds(15));

        assertThat(starting.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(started.getDetails().get("routes"))
                .isEqualTo(Map.of(
                        "sync-ninja", "started",
                        "push-outbox", "started",
                        "webhook-inbox", "started",
                        "notices-daily", "started"));
    }

    @Test
    void aRouteThatFailsToStart_isRetried_andTheServerIsReadyMeanwhile() throws Exception {
        vendorDown.set(true);
        camel = camel(true, 0);
        camel.addRoutes(serverRoutes(true));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("flaky:vendor").routeId("schedule-ninja").to("direct:sync-ninja");
            }
        });
        camel.start();

        Health retrying = awaitStatus(Status.UP, Duration.ofSeconds(15));
        assertThat(retrying.getDetails().get("routes")).asString().contains("schedule-ninja=retrying");

        vendorDown.set(false);
        Health recovered = awaitDetail("schedule-ninja=started", Duration.ofSeconds(15));
        assertThat(recovered.getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aRequiredRouteMissing_isOutOfService() throws Exception {
        camel = camel(false, 0);
        camel.addRoutes(serverRoutes(false));
        camel.start();

        Health health = indicator().health();

        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails().get("routes")).asString().contains("webhook-inbox=missing");
    }

    @Test
    void aStoppedRoute_isOutOfService_butOneNotMeantToStartIsIgnored() throws Exception {
        camel = camel(false, 0);
        camel.addRoutes(serverRoutes(true));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:manual").routeId("manual-only").autoStartup(false).log("by hand");
            }
        });
        camel.start();
        assertThat(indicator().health().getStatus()).isEqualTo(Status.UP);

        camel.getRouteController().stopRoute("push-outbox");
        Health health = indicator().health();

        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails().get("routes")).asString().contains("push-outbox=stopped");
    }

    private CamelContext camel(boolean supervising, long initialDelayMillis) {
        DefaultCamelContext context = new DefaultCamelContext();
        if (supervising) {
            SupervisingRouteController controller = context.getRouteController().supervising();
            controller.setBackOffDelay(100);
            controller.setInitialDelay(initialDelayMillis);
        }
        context.addComponent("flaky", new FlakyComponent());
        return context;
    }

    private static RouteBuilder serverRoutes(boolean withInbox) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sync-ninja").routeId("sync-ninja").log("sync");
                from("direct:push-outbox").routeId("push-outbox").log("push");
                if (withInbox) {
                    from("direct:webhook-inbox").routeId("webhook-inbox").log("inbox");
                }
                from("direct:notices").routeId("notices-daily").log("notices");
            }
        };
    }

    private RoutesHealthIndicator indicator() {
        Company company = new Company(
                "Zylker",
                Currency.getInstance("USD"),
                ZoneOffset.UTC,
                "ZY-",
                new Address("1 Main St", null, "X", "1", null, "US"),
                "US1",
                30);
        ConnectorSettings ninja =
                new ConnectorSettings("ninja", "ninjaone", null, null, Map.of(), null, null, Map.of(), null, Map.of());
        TruecountConfig config =
                new TruecountConfig(Path.of("truecount.yaml"), company, Map.of("ninja", ninja), Map.of(), List.of());
        TruecountProperties server = new TruecountProperties(
                true,
                4,
                null,
                new TruecountProperties.Push(120, 8, 2000),
                new TruecountProperties.Webhooks(1 << 20, 5, 1000, 1));
        return new RoutesHealthIndicator(camel, ActiveConfig.of(config), server);
    }

    private Health awaitStatus(Status status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Health health = indicator().health();
        while (!health.getStatus().equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            health = indicator().health();
        }
        assertThat(health.getStatus()).as(health.toString()).isEqualTo(status);
        return health;
    }

    private Health awaitDetail(String detail, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Health health = indicator().health();
        while (!String.valueOf(health.getDetails().get("routes")).contains(detail) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            health = indicator().health();
        }
        assertThat(health.getDetails().get("routes")).asString().contains(detail);
        return health;
    }

    /** Endpoints whose consumer cannot start while the vendor is down, as a scheduled pull might not. */
    private final class FlakyComponent extends DefaultComponent {
        @Override
        protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
            return new DefaultEndpoint(uri, this) {
                @Override
                public Producer createProducer() {
                    throw new UnsupportedOperationException("consumer only");
                }

                @Override
                public Consumer createConsumer(Processor processor) {
                    return new DefaultConsumer(this, processor) {
                        @Override
                        protected void doStart() throws Exception {
                            if (vendorDown.get()) {
                                throw new IllegalStateException("vendor down");
                            }
                            super.doStart();
                        }
                    };
                }
            };
        }
    }
}
