package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.sim.ninjaone.NinjaOneSimulator;
import io.truecount.sim.stripe.StripeEvents;
import io.truecount.sim.stripe.StripeSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code truecount serve --log-format json} as a log collector sees it, in its own process: every stderr line is one
 * JSON object; a scheduled sync, a push and a webhook event each log with their correlation ids as fields; no line
 * carries a secret. Readiness answers once the routes run, liveness is up, and SIGTERM stops the server after its
 * claimed work is done.
 */
class OperationsIT {

    private static final Path JAR = Path.of("../routes/target/truecount-exec.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final E2eDatabase postgres = new E2eDatabase();

    @TempDir
    Path dir;

    @Test
    void jsonLogs_carryTheIdsOfSyncsPushesAndWebhookEvents_andNoSecret_andReadinessAndShutdownBehave()
            throws Exception {
        assertThat(JAR)
                .as("the runnable jar is built by the routes module's package phase")
                .exists();
        String db = postgres.freshJdbcUrl("operations");
        try (NinjaOneSimulator ninja = NinjaOneSimulator.start(SmallMsp.data());
                StripeSimulator stripe =
                        StripeSimulator.builder().customer("cus_acme").start()) {
            Path config = writeConfig(ninja, stripe);
            CliRun cycle = CliRun.of(
                    "cycle",
                    "--config",
                    config.toString(),
                    "--period",
                    "2026-10",
                    "--as-of",
                    SmallMsp.AS_OF.toString(),
                    "--out",
                    dir.resolve("out").toString(),
                    "--db",
                    db);
            assertThat(cycle.exitCode()).as(cycle.toString()).isZero();
            String acme = Sql.column(db, "select number from invoice where customer_id = 'acme'")
                    .get(0);

            int port = freePort();
            Path stderr = dir.resolve("serve.err");
            Path stdout = dir.resolve("serve.out");
            Process server = new ProcessBuilder(List.of(
                            javaBinary(),
                            "-jar",
                            JAR.toString(),
                            "serve",
                            "--log-format",
                            "json",
                            "--config",
                            config.toString(),
                            "--db",
                            db,
                            "--port",
                            Integer.toString(port)))
                    .redirectError(stderr.toFile())
                    .redirectOutput(stdout.toFile())
                    .start();
            StripeEvents.Delivery paid;
            try {
                assertThat(awaitStatus(port, "/actuator/health/readiness", 200, server, stderr))
                        .contains("\"status\":\"UP\"");
                assertThat(get(port, "/actuator/health/liveness").body()).contains("\"status\":\"UP\"");

                // The admin approves; the server's outbox pushes it to Stripe.
                CliRun approve = CliRun.of("invoice", "approve", acme, "--config", config.toString(), "--db", db);
                assertThat(approve.exitCode()).as(approve.toString()).isZero();
                awaitSql(db, "select count(*) from push where state = 'CONFIRMED'", server, stderr);

                // Stripe reports the payment; the server's inbox processes it.
                paid = stripe.pay(stripe.invoices().get(0).id());
                HttpResponse<String> delivered = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/pay"))
                                .header("Content-Type", "application/json")
                                .header(StripeEvents.HEADER, paid.signature())
                                .POST(HttpRequest.BodyPublishers.ofByteArray(paid.body()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(delivered.statusCode()).isEqualTo(200);
                awaitSql(db, "select count(*) from webhook_event where state = 'PROCESSED'", server, stderr);
                awaitSql(
                        db,
                        "select count(*) from sync_run where connector_id = 'ninja' and status = 'SUCCEEDED'",
                        server,
                        stderr);
            } finally {
                server.destroy();
            }
            assertThat(server.waitFor(60, TimeUnit.SECONDS))
                    .as("stops within 60 s of SIGTERM")
                    .isTrue();

            List<JsonNode> lines = jsonLines(stderr);
            assertThat(lines)
                    .as("a scheduled sync, with its connector and run id")
                    .anySatisfy(line -> {
                        assertThat(text(line, "message")).startsWith("sync of ninja succeeded");
                        assertThat(text(line, "connector")).isEqualTo("ninja");
                        assertThat(text(line, "run")).matches("[0-9]+");
                    });
            assertThat(lines).as("the push, with its id, invoice and connector").anySatisfy(line -> {
                assertThat(text(line, "message")).startsWith("push " + acme + " to 'pay' confirmed");
                assertThat(text(line, "push")).matches("[0-9]+");
                assertThat(text(line, "invoice")).isEqualTo(acme);
                assertThat(text(line, "connector")).isEqualTo("pay");
            });
            assertThat(lines)
                    .as("the webhook event, with our inbox id and the vendor's event id")
                    .anySatisfy(line -> {
                        assertThat(text(line, "message")).startsWith("webhook event " + paid.eventId());
                        assertThat(text(line, "event")).matches("[0-9]+");
                        assertThat(text(line, "vendorEvent")).isEqualTo(paid.eventId());
                        assertThat(text(line, "connector")).isEqualTo("pay");
                    });
            assertThat(lines).as("a clean shutdown").anySatisfy(line -> assertThat(text(line, "message"))
                    .startsWith("shutdown: claimed work finished"));
            assertThat(lines)
                    .noneSatisfy(line -> assertThat(text(line, "level")).isEqualTo("ERROR"));

            String everything = Files.readString(stderr) + Files.readString(stdout);
            for (String secret : List.of(ninja.clientSecret(), stripe.apiKey(), stripe.webhookSecret())) {
                assertThat(everything).doesNotContain(secret);
            }
        }
    }

    /** Every line of the file as JSON; a line that is not one object fails with the line. */
    private static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
            assertThat(node.isObject()).as("one object per line: %s", line).isTrue();
            lines.add(node);
        }
        assertThat(lines).isNotEmpty();
        return lines;
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null ? "" : value.asText();
    }

    private Path writeConfig(NinjaOneSimulator ninja, StripeSimulator stripe) throws IOException {
        Path config = SmallMsp.writeConfig(dir, ninja.baseUrl(), ninja.clientId(), ninja.clientSecret());
        Files.writeString(dir.resolve("secrets/stripe-key"), stripe.apiKey());
        Files.writeString(dir.resolve("secrets/stripe-whsec"), stripe.webhookSecret());
        String pay =
                """
                  pay:
                    type: stripe
                    base-url: %s
                    credentials: { api-key: "file:secrets/stripe-key", webhook-secret: "file:secrets/stripe-whsec" }
                """
                        .formatted(stripe.baseUrl());
        String yaml = Files.readString(config)
                // Every two seconds, so the schedule fires during the test.
                .replace("stale-after-days: 30", "stale-after-days: 30\n    schedule: \"*/2 * * * * ?\"")
                .replace("\ncustomers:", pay + "\ncustomers:")
                .replace("sources: { ninja: \"12\" }", "sources: { ninja: \"12\" }\n    accounting: { pay: cus_acme }");
        Files.writeString(config, yaml);
        return config;
    }

    private static String awaitStatus(int port, String path, int status, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("server exited early:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> response = get(port, path);
                if (response.statusCode() == status) {
                    return response.body();
                }
            } catch (IOException notYetListening) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " did not answer " + status + ":\n" + Files.readString(log));
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitSql(String db, String countQuery, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Sql.count(db, countQuery) == 0) {
            if (System.nanoTime() > deadline || !server.isAlive()) {
                throw new AssertionError("never true: " + countQuery + "\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
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
