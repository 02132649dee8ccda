package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.sim.ninjaone.NinjaOneSimulator;
import io.truecount.sim.vendor.Mode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code truecount serve} processes (the runnable jar) against one PostgreSQL, a NinjaOne source scheduled every
 * three seconds: each fire time syncs once across both; one server killed with SIGKILL in the middle of a slow sync
 * has its run recovered by the other, once; the survivor keeps firing once per time; and a change to the file on disk
 * re-plans the schedule, while an invalid file is refused and the old schedule keeps firing.
 */
class ClusterIT {

    private static final Path JAR = Path.of("../routes/target/truecount-exec.jar");
    private static final String JOB = "sync-ninja";
    private static final String EVERY_3_SECONDS = "*/3 * * * * ?";
    private static final String EVERY_5_SECONDS_AT_2 = "2/5 * * * * ?";

    @TempDir
    Path dir;

    @Test
    void eachFireTimeRunsOnce_aKilledRunIsRecoveredOnce_andTheFileIsReloaded() throws Exception {
        assertThat(JAR)
                .as("the runnable jar is built by the routes module's package phase")
                .exists();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
                NinjaOneSimulator ninja = NinjaOneSimulator.builder(SmallMsp.data())
                        .slowDelay(Duration.ofSeconds(3))
                        .start()) {
            DataSource db = postgres.getPostgresDatabase();
            Path config = SmallMsp.writeConfig(dir, ninja.baseUrl(), ninja.clientId(), ninja.clientSecret());
            String base = Files.readString(config);
            Files.writeString(config, withSchedule(base, EVERY_3_SECONDS));
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");

            Node a = Node.launch("node-a", config, jdbcUrl, dir);
            Node b = Node.launch("node-b", config, jdbcUrl, dir);
            try {
                a.awaitHealthy(Duration.ofSeconds(120));
                b.awaitHealthy(Duration.ofSeconds(120));

                // 1. Both up: scheduled fires run, each once.
                await(Duration.ofSeconds(30), () -> count(db, "outcome = 'SUCCEEDED'") >= 3, "3 scheduled syncs");
                assertOncePerFireTime(db);

                // 2. A sync slowed down by the vendor; kill its server mid-run.
                ninja.mode(Mode.SLOW);
                Instant slowFrom = Instant.now();
                Run killed = awaitRun(db, "outcome = 'RUNNING' and started_at > ?", slowFrom, Duration.ofSeconds(20));
                Node victim = killed.instance().equals("node-a") ? a : b;
                Node survivor = victim == a ? b : a;
                Thread.sleep(1000); // well inside the run: the token and the first page take 3 s each
                victim.kill();
                ninja.mode(Mode.NORMAL);

                Run recovered = awaitRun(
                        db,
                        "recovering and outcome = 'SUCCEEDED' and scheduled_fire_at = ?",
                        killed.scheduledFireAt(),
                        Duration.ofSeconds(45));
                assertThat(recovered.instance()).isEqualTo(survivor.name);
                assertThat(outcomeOf(db, killed.id())).isEqualTo("ABANDONED");
                assertThat(queryLong(db, "select count(distinct scheduler_instance) from job_run", null))
                        .as("both instances ran jobs")
                        .isEqualTo(2);

                // 3. The survivor alone keeps firing, once per time.
                Instant afterRecovery = Instant.now();
                await(
                        Duration.ofSeconds(30),
                        () -> countSince(db, afterRecovery, "not recovering and outcome = 'SUCCEEDED'") >= 2,
                        "2 more scheduled syncs after the recovery");
                assertThat(instancesSince(db, afterRecovery)).containsOnly(survivor.name);
                assertOncePerFireTime(db);

                // 4. The file changes on disk: the survivor re-plans without a restart.
                Files.writeString(config, withSchedule(base, EVERY_5_SECONDS_AT_2));
                await(
                        Duration.ofSeconds(20),
                        () -> EVERY_5_SECONDS_AT_2.equals(cronInDatabase(db)),
                        "the new cron in the job store");
                Instant replanned = Instant.now();
                await(
                        Duration.ofSeconds(20),
                        () -> countSince(db, replanned, "outcome = 'SUCCEEDED'") >= 2,
                        "2 syncs on the new schedule");
                assertThat(fireSecondsSince(db, replanned))
                        .as("fire times on the new cron")
                        .allMatch(second -> second % 5 == 2);

                // 5. An invalid file is refused: the old schedule stays and keeps firing.
                Files.writeString(config, withSchedule(base, "every few seconds please"));
                await(
                        Duration.ofSeconds(20),
                        () -> Files.readString(survivor.log).contains("invalid and was not applied"),
                        "the rejection in the log");
                assertThat(Files.readString(survivor.log))
                        .contains("truecount.yaml:")
                        .contains("'schedule'");
                Instant rejected = Instant.now();
                await(
                        Duration.ofSeconds(20),
                        () -> countSince(db, rejected, "outcome = 'SUCCEEDED'") >= 1,
                        "a sync after the rejected file");
                assertThat(cronInDatabase(db)).isEqualTo(EVERY_5_SECONDS_AT_2);

                // Stop the survivor cleanly (it finishes its run), then count the work done.
                survivor.stop();
                assertOncePerFireTime(db);
                assertThat(queryLong(db, "select count(*) from sync_run where connector_id = 'ninja'", null))
                        .as("one sync run per job run: no fire time synced twice")
                        .isEqualTo(count(db, "true"));
                assertThat(queryLong(
                                db,
                                "select count(*) from sync_run where connector_id = 'ninja' and status = 'RUNNING'",
                                null))
                        .as("only the killed run's sync is left unfinished; billing reads succeeded runs only")
                        .isEqualTo(1);
                assertThat(Files.readString(a.log) + Files.readString(b.log))
                        .as("the database never had to refuse a second run of a fire time")
                        .doesNotContain("already ran");
            } finally {
                a.kill();
                b.kill();
            }
        }
    }

    private static String withSchedule(String yaml, String cron) {
        return yaml.replace("stale-after-days: 30", "stale-after-days: 30\n    schedule: \"" + cron + "\"");
    }

    /** No fire time ran twice, and none but a killed one needed a recovery. */
    private static void assertOncePerFireTime(DataSource db) throws SQLException {
        assertThat(queryLong(
                        db,
                        "select count(*) from (select scheduled_fire_at from job_run where job = 'sync-ninja'"
                                + " and not recovering group by scheduled_fire_at having count(*) > 1) twice",
                        null))
                .isZero();
        assertThat(queryLong(
                        db,
                        "select count(*) from job_run r where r.recovering and not exists (select 1 from job_run o"
                                + " where o.job = r.job and o.scheduled_fire_at = r.scheduled_fire_at"
                                + " and not o.recovering and o.outcome = 'ABANDONED')",
                        null))
                .as("recoveries only of abandoned runs")
                .isZero();
    }

    private record Run(long id, Instant scheduledFireAt, String instance) {}

    private static Run awaitRun(DataSource db, String condition, Instant parameter, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = db.getConnection();
                    PreparedStatement s = c.prepareStatement(
                            "select id, scheduled_fire_at, scheduler_instance from job_run where job = '" + JOB
                                    + "' and " + condition + " order by id limit 1")) {
                s.setObject(1, java.sql.Timestamp.from(parameter));
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return new Run(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3));
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no job run where " + condition + " within " + timeout);
    }

    private static String outcomeOf(DataSource db, long id) throws SQLException {
        try (Connection c = db.getConnection();
                ResultSet rs = c.createStatement().executeQuery("select outcome from job_run where id = " + id)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(DataSource db, String condition) throws SQLException {
        return queryLong(db, "select count(*) from job_run where job = '" + JOB + "' and " + condition, null);
    }

    private static long countSince(DataSource db, Instant since, String condition) throws SQLException {
        return queryLong(
                db,
                "select count(*) from job_run where job = '" + JOB + "' and scheduled_fire_at > ? and " + condition,
                since);
    }

    private static List<String> instancesSince(DataSource db, Instant since) throws SQLException {
        return strings(
                db,
                "select distinct scheduler_instance from job_run where job = '" + JOB + "' and scheduled_fire_at > ?",
                since);
    }

    private static List<Integer> fireSecondsSince(DataSource db, Instant since) throws SQLException {
        return strings(
                        db,
                        "select extract(second from scheduled_fire_at)::int::text from job_run where job = '" + JOB
                                + "' and scheduled_fire_at > ?",
                        since)
                .stream()
                .map(Integer::valueOf)
                .toList();
    }

    private static String cronInDatabase(DataSource db) throws SQLException {
        List<String> crons = strings(
                db,
                "select cron_expression from qrtz_cron_triggers where trigger_name = '" + JOB
                        + "' and trigger_group = 'truecount'",
                null);
        return crons.isEmpty() ? null : crons.get(0);
    }

    private static long queryLong(DataSource db, String sql, Instant parameter) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setObject(1, java.sql.Timestamp.from(parameter));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> strings(DataSource db, String sql, Instant parameter) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setObject(1, java.sql.Timestamp.from(parameter));
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    private static void await(Duration timeout, Callable<Boolean> condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (SQLException schemaNotYetThere) {
                // Flyway has not finished yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not within " + timeout + ": " + what);
    }

    /** One {@code truecount serve} process with a fixed Quartz instance id, so the test knows which one to kill. */
    private static final class Node {
        private final String name;
        private final Process process;
        private final Path log;
        private final int port;

        private Node(String name, Process process, Path log, int port) {
            this.name = name;
            this.process = process;
            this.log = log;
            this.port = port;
        }

        static Node launch(String name, Path config, String jdbcUrl, Path dir) throws IOException {
            int port = freePort();
            Path log = dir.resolve(name + ".log");
            Process process = new ProcessBuilder(List.of(
                            ProcessHandle.current().info().command().orElse("java"),
                            "-Xmx384m",
                            "-Dtruecount.scheduler.instance-id=" + name,
                            // Fail over within seconds: a dead instance is noticed about 1 s + 7.5 s after it stops.
                            "-Dtruecount.scheduler.checkin-interval-millis=1000",
                            "-Dtruecount.scheduler.watch-debounce-millis=300",
                            "-jar",
                            JAR.toString(),
                            "serve",
                            "--config",
                            config.toString(),
                            "--db",
                            jdbcUrl,
                            "--port",
                            Integer.toString(port)))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new Node(name, process, log, port);
        }

        void awaitHealthy(Duration timeout) throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError(name + " exited early:\n" + Files.readString(log));
                }
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYetListening) {
                    // starting up
                }
                Thread.sleep(500);
            }
            throw new AssertionError(name + " not healthy within " + timeout + ":\n" + Files.readString(log));
        }

        /** SIGKILL: no shutdown hook, no chance to release anything. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }

        /** SIGTERM, then wait for the graceful stop. */
        void stop() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as(name + " stops within 60 s of SIGTERM")
                    .isTrue();
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
