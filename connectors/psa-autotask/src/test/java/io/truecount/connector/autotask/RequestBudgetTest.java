package io.truecount.connector.autotask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.SourceConnector;
import io.truecount.connector.SourceException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.testing.ConnectorHarness;
import io.truecount.connector.testing.TestClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The hourly budget and the per-endpoint thread limit, on a clock that only moves when a request "sleeps". */
class RequestBudgetTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final List<Duration> slept = new ArrayList<>();
    private final RequestBudget.Sleeper fakeSleep = wait -> {
        slept.add(wait);
        clock.advance(wait);
    };

    @BeforeEach
    void freshBudgets() {
        AccountLimits.resetForTests();
    }

    @Test
    void withinTheShare_requestsGoAtOnce() {
        RequestBudget budget = new RequestBudget(3, clock);

        for (int i = 0; i < 3; i++) {
            budget.take("at", Duration.ofSeconds(120), fakeSleep);
        }

        assertThat(slept).isEmpty();
        assertThat(budget.used()).isEqualTo(3);
    }

    @Test
    void spentShare_waitsForTheOldestRequestToLeaveTheHour_whenThatIsSoon() {
        RequestBudget budget = new RequestBudget(2, clock);
        budget.take("at", Duration.ofSeconds(120), fakeSleep);
        clock.advance(Duration.ofMinutes(59).plusSeconds(30));
        budget.take("at", Duration.ofSeconds(120), fakeSleep);

        budget.take("at", Duration.ofSeconds(120), fakeSleep);

        assertThat(slept).containsExactly(Duration.ofSeconds(30));
        assertThat(budget.used()).isEqualTo(2);
    }

    @Test
    void spentShare_failsTheRun_whenTheWaitWouldBeLong() {
        RequestBudget budget = new RequestBudget(2, clock);
        budget.take("at", Duration.ofSeconds(120), fakeSleep);
        budget.take("at", Duration.ofSeconds(120), fakeSleep);

        assertThatThrownBy(() -> budget.take("at", Duration.ofSeconds(120), fakeSleep))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("connector 'at': hourly request budget spent: 2 Autotask requests")
                .hasMessageContaining("2026-03-02T09:00:00Z");
        assertThat(slept).isEmpty();
    }

    @Test
    void connectorsOfTheSameUserAndZone_shareOneBudget() {
        harness.wireMock().resetAll();
        AutotaskStubs autotask = new AutotaskStubs(harness.wireMock());
        autotask.picklists();
        autotask.companies(AutotaskStubs.company(174, "Acme Dental"));
        autotask.query("TimeEntries", AutotaskStubs.page(List.of(), null));
        URI zone = URI.create(harness.baseUrl() + "/ATServicesRest");
        // Companies, picklists (once per connector) and entries: 3 + 3 + 2 requests, then the share of 9 is spent
        // after the fourth run's first request.
        SourceConnector first = connectorWithShare(zone, "9");
        SourceConnector second = connectorWithShare(zone, "9");

        first.sync(new PsaSink(), new SyncStats());
        second.sync(new PsaSink(), new SyncStats());
        first.sync(new PsaSink(), new SyncStats());
        SyncStats fourth = new SyncStats();

        assertThatThrownBy(() -> second.sync(new PsaSink(), fourth))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("hourly request budget spent: 9 Autotask requests");
        assertThat(harness.wireMock().getAllServeEvents()).hasSize(9);
    }

    private SourceConnector connectorWithShare(URI zone, String perHour) {
        return AutotaskConnector.create(
                AutotaskConnectorTest.settings(harness, zone)
                        .option(AutotaskConnectorType.REQUESTS_PER_HOUR, perHour)
                        .build(),
                harness.runtime(),
                wait -> harness.clock().advance(wait));
    }

    @Test
    void atMostThreeRequestsPerEndpoint_runAtOnce() throws Exception {
        AccountLimits limits = AccountLimits.of("zone", "user", 100, clock);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(pool.submit(() -> limits.call("at", "TimeEntries", Duration.ofSeconds(5), fakeSleep, () -> {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                        release.await(200, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inFlight.decrementAndGet();
                    return null;
                })));
            }
            Thread.sleep(50);
            release.countDown();
            for (Future<?> call : calls) {
                call.get(5, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isEqualTo(AccountLimits.THREADS_PER_ENDPOINT);
    }
}
