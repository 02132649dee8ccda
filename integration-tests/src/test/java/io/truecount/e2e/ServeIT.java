package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.sim.ninjaone.NinjaOneSimulator;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code truecount serve} as an admin runs it: the runnable jar in its own process, a real PostgreSQL, the NinjaOne
 * simulator. The health endpoint answers, the connector's Quartz schedule fires syncs on its own, Prometheus metrics
 * count them, and SIGTERM stops the server cleanly.
 */
class ServeIT {

    private static final Path JAR = Path.of("../routes/target/truecount-exec.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN_TOKEN = "tc_serve-it-admin-token-of-more-than-32-characters";

    @TempDir
    Path dir;

    @Test
    void server_isHealthy_andRunsScheduledSyncs_andStopsOnSigterm() throws Exception {
        assertThat(JAR)
                .as("the runnable jar is built by the routes module's package phase")
                .exists();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
                NinjaOneSimulator ninja = NinjaOneSimulator.start(SmallMsp.data())) {
            Path config = SmallMsp.writeConfig(dir, ninja.baseUrl(), ninja.clientId(), ninja.clientSecret());
            // Every two seconds, so the test sees the schedule fire rather than waiting for 02:00.
            Files.writeString(
                    config,
                    Files.readString(config)
                            .replace("stale-after-days: 30", "stale-after-days: 30\n    schedule: \"*/2 * * * * ?\""));
            int port = freePort();
            Path log = dir.resolve("serve.log");
            ProcessBuilder serve = new ProcessBuilder(List.of(
                            javaBinary(),
                            "-jar",
                            JAR.toString(),
                            "serve",
                            "--config",
                            config.toString(),
                            "--db",
                            postgres.getJdbcUrl("postgres", "postgres"),
                            "--port",
                            Integer.toString(port)))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // The first admin token, as a container would get it; metrics need a token like the rest but health.
            serve.environment().put("TRUECOUNT_ADMIN_TOKEN", ADMIN_TOKEN);
            Process server = serve.start();
            try {
                String health = awaitHealth(port, Duration.ofSeconds(90), server, log);
                assertThat(health).contains("\"status\":\"UP\"");
                long succeeded = awaitSucceededSyncs(postgres, Duration.ofSeconds(30));
                assertThat(succeeded).as(Files.readString(log)).isPositive();
                assertThat(ninja.requests()).isNotEmpty();

                String metrics = HTTP.send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                                        .header("Authorization", "Bearer " + ADMIN_TOKEN)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                assertThat(metrics)
                        .containsPattern(
                                "truecount_sync_duration_seconds_count\\{connector=\"ninja\",outcome=\"succeeded\"[^}]*} [1-9]")
                        .containsPattern("truecount_sync_records_total\\{connector=\"ninja\"[^}]*} [1-9]")
                        .contains("truecount_invoices{status=\"PAID\"")
                        .contains("truecount_pushes{state=\"FAILED\"")
                        .contains("truecount_webhooks_lag_seconds");
            } finally {
                server.destroy();
                boolean exited = server.waitFor(60, TimeUnit.SECONDS);
                if (!exited) {
                    server.destroyForcibly();
                }
                assertThat(exited).as("server stops within 60 s of SIGTERM").isTrue();
            }
        }
    }

    private static String awaitHealth(int port, Duration timeout, Process server, Path log) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new AssertionError("server exited early:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException notYetListening) {
                // starting up
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no healthy server within " + timeout + ":\n" + Files.readString(log));
    }

    private static long awaitSucceededSyncs(EmbeddedPostgres postgres, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long count = 0;
        while (Instant.now().isBefore(deadline) && count == 0) {
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                    ResultSet rs = c.createStatement()
                            .executeQuery("select count(*) from sync_run where connector_id = 'ninja'"
                                    + " and status = 'SUCCEEDED'")) {
                rs.next();
                count = rs.getLong(1);
            } catch (SQLException schemaNotYetThere) {
                count = 0;
            }
            Thread.sleep(500);
        }
        return count;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
