package io.truecount.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.ConfigException;
import io.truecount.app.config.ConfigLoader;
import io.truecount.app.config.ConfigReloader;
import io.truecount.app.config.ReloadOutcome;
import io.truecount.app.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The planner in a running server against a real PostgreSQL job store: the configuration file is rewritten and
 * reloaded, and the cluster's triggers (and the sync routes) follow it, or stay when the new file is invalid.
 */
@SpringBootTest(
        properties = {
            "truecount.scheduling=true",
            "spring.main.web-application-type=none",
            "truecount.scheduler.watch-config=false"
        })
class SchedulePlannerTest {

    private static final TestDatabase DB = TestDatabase.startMigrated();
    private static final Path DIR = tempDir();
    private static final Path FILE = DIR.resolve("truecount.yaml");

    private static final String COMPANY =
            """
            company:
              name: Zylker Managed Services
              currency: USD
              timezone: America/New_York
              invoice-prefix: ZY-
              address: { line1: 1 Main St, city: Springfield, country: US }
              tax-id: US123456789
            """;

    @Autowired
    Scheduler scheduler;

    @Autowired
    ConfigReloader reloader;

    @Autowired
    CamelContext camel;

    @Autowired
    Schedules schedules;

    @Autowired
    JobRuns runs;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::jdbcUrl);
    }

    @AfterAll
    static void stop() throws IOException {
        DB.close();
    }

    @TestConfiguration
    static class Config {
        @Bean
        ActiveConfig activeConfig() throws ConfigException {
            write(connectors(ninja("ninja", "0 0 2 * * ?")));
            return ActiveConfig.of(new ConfigLoader(System::getenv).load(FILE));
        }
    }

    @BeforeEach
    void startFromTheBaseFile() {
        write(connectors(ninja("ninja", "0 0 2 * * ?")));
        reloader.reload("test");
    }

    @Test
    void onStart_eachSourceAndTheNoticesHaveTheirTrigger_inTheCompanyZone() throws SchedulerException {
        assertThat(cron("sync-ninja")).isEqualTo("0 0 2 * * ?");
        assertThat(((CronTrigger) trigger("sync-ninja")).getTimeZone().getID()).isEqualTo("America/New_York");
        assertThat(cron("notices-daily")).isEqualTo("0 0 7 * * ?");
        assertThat(scheduler.checkExists(JobNames.job("invoice-run")))
                .as("on demand only, but there")
                .isTrue();
        assertThat(trigger("invoice-run")).isNull();
        assertThat(scheduler.getJobDetail(JobNames.job("sync-ninja")).requestsRecovery())
                .isTrue();
        assertThat(scheduler.getJobDetail(JobNames.job("sync-ninja")).isConcurrentExecutionDisallowed())
                .isTrue();
    }

    @Test
    void aChangedCron_reschedulesTheTrigger() throws SchedulerException {
        write(connectors(ninja("ninja", "0 30 3 * * ?")));

        assertThat(reloader.reload("test")).isInstanceOf(ReloadOutcome.Applied.class);

        assertThat(cron("sync-ninja")).isEqualTo("0 30 3 * * ?");
    }

    @Test
    void anUnchangedTrigger_isLeftAlone_soItKeepsItsState() throws SchedulerException {
        Trigger before = trigger("sync-ninja");
        write(connectors(ninja("ninja", "0 0 2 * * ?") + "    timeout-seconds: 7\n"));

        assertThat(reloader.reload("test")).isInstanceOf(ReloadOutcome.Applied.class);

        assertThat(trigger("sync-ninja").getStartTime()).isEqualTo(before.getStartTime());
    }

    @Test
    void anAddedSource_getsItsRouteAndTrigger_andARemovedOneLosesBoth() throws SchedulerException {
        write(connectors(ninja("ninja", "0 0 2 * * ?") + ninja("ninja2", "0 15 2 * * ?")));
        reloader.reload("test");
        assertThat(cron("sync-ninja2")).isEqualTo("0 15 2 * * ?");
        assertThat(camel.getRoute("sync-ninja2")).isNotNull();

        write(connectors(ninja("ninja2", "0 15 2 * * ?")));
        reloader.reload("test");

        assertThat(trigger("sync-ninja")).isNull();
        assertThat(scheduler.checkExists(JobNames.job("sync-ninja"))).isFalse();
        assertThat(camel.getRoute("sync-ninja")).isNull();
        assertThat(cron("sync-ninja2")).isEqualTo("0 15 2 * * ?");
    }

    @Test
    void aRemovedSchedule_unschedulesButKeepsTheJobForOnDemandRuns() throws SchedulerException {
        write(connectors(ninja("ninja", null)));
        reloader.reload("test");

        assertThat(trigger("sync-ninja")).isNull();
        assertThat(scheduler.checkExists(JobNames.job("sync-ninja"))).isTrue();
    }

    @Test
    void invoiceRun_isScheduledMonthly() throws SchedulerException {
        write(connectors(ninja("ninja", "0 0 2 * * ?")) + "invoice-run: { day: 1, time: \"06:00\" }\n");
        reloader.reload("test");

        assertThat(cron("invoice-run")).isEqualTo("0 0 6 1 * ?");
    }

    @Test
    void anInvalidFile_isRejected_andTheSchedulesStayAsTheyWere() throws SchedulerException {
        Trigger before = trigger("sync-ninja");
        write(connectors(ninja("ninja", "every night at two")));

        ReloadOutcome outcome = reloader.reload("test");

        assertThat(outcome).isInstanceOf(ReloadOutcome.Rejected.class);
        assertThat(((ReloadOutcome.Rejected) outcome).errors())
                .anySatisfy(e -> assertThat(e.toString()).contains("truecount.yaml:8:15: 'schedule'"));
        assertThat(cron("sync-ninja")).isEqualTo("0 0 2 * * ?");
        assertThat(trigger("sync-ninja").getStartTime()).isEqualTo(before.getStartTime());
    }

    @Test
    void anOnDemandSync_runsThroughTheClusterJob_andIsRecorded() {
        schedules.triggerSync("ninja");

        // Nothing listens at the connector's URL: the run fails fast, and the failure is what job_run records.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(runs.latest("sync-ninja")).hasValueSatisfying(run -> {
                    assertThat(run.outcome()).isEqualTo("FAILED");
                    assertThat(run.recovering()).isFalse();
                    assertThat(run.schedulerInstance()).isNotBlank();
                    assertThat(run.error()).contains("ninja");
                }));
    }

    private String cron(String job) throws SchedulerException {
        Trigger trigger = trigger(job);
        assertThat(trigger).as("trigger of " + job).isInstanceOf(CronTrigger.class);
        return ((CronTrigger) trigger).getCronExpression();
    }

    private Trigger trigger(String job) throws SchedulerException {
        return scheduler.getTrigger(JobNames.trigger(job));
    }

    private static String connectors(String entries) {
        return "connectors:\n" + entries + COMPANY;
    }

    /** A NinjaOne source at a closed port; schedule null = none. */
    private static String ninja(String id, String schedule) {
        return "  " + id + ":\n"
                + "    type: ninjaone\n"
                + "    base-url: http://127.0.0.1:9\n"
                + "    auth-url: http://127.0.0.1:9/ws/oauth/token\n"
                + "    credentials: { client-id: \"file:secrets/id\", client-secret: \"file:secrets/secret\" }\n"
                + "    retry: { max-attempts: 1, backoff-millis: 10 }\n"
                + (schedule == null ? "" : "    schedule: \"" + schedule + "\"\n");
    }

    private static void write(String yaml) {
        try {
            Files.writeString(FILE, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("planner");
            Files.createDirectories(dir.resolve("secrets"));
            Files.writeString(dir.resolve("secrets/id"), "client\n");
            Files.writeString(dir.resolve("secrets/secret"), "s3cret\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
