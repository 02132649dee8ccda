package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code docker compose up} would run, without Docker: the simulators started as the {@code simulators} image
 * starts them (the demo jar, {@code SimulatorsMain}, compose's command), and the server's image running a cycle with
 * {@code --push} on {@code docker/config/truecount.yaml} with compose's environment. Every configured customer is
 * billed from the simulated NinjaOne and pushed to the simulated QuickBooks (and Stripe, where it pays there).
 */
class DockerSampleIT {

    private static final Path JAR = DockerIT.ROOT.resolve("routes/target/truecount-exec.jar");
    private static final Path DEMO_JAR = DockerIT.ROOT.resolve("integration-tests/target/truecount-demo.jar");
    private static final int FIRST_PORT = 9101;
    private static final int SIMULATORS = 9;

    @RegisterExtension
    static final E2eDatabase postgres = new E2eDatabase();

    @TempDir
    Path dir;

    @Test
    void sampleConfig_billsAndPushesEveryCustomer_againstTheSimulatorsAsComposeRunsThem() throws Exception {
        assertThat(JAR).exists();
        assertThat(DEMO_JAR).as("built by this module's package phase").exists();
        Assumptions.assumeTrue(
                portsFree(),
                "ports " + FIRST_PORT + "-" + (FIRST_PORT + SIMULATORS - 1) + " are taken here; the compose simulators"
                        + " need exactly those");
        ComposeFile compose = ComposeFile.read();
        List<String> simulatorsCommand = new ArrayList<>(List.of(
                Command.java(),
                "-Dloader.main=io.truecount.sim.SimulatorsMain",
                "-cp",
                DEMO_JAR.toString(),
                "org.springframework.boot.loader.launch.PropertiesLauncher"));
        simulatorsCommand.addAll(compose.command("simulators"));
        simulatorsCommand.addAll(List.of("--dir", dir.toString()));
        Path simulatorsLog = dir.resolve("simulators.log");
        Process simulators = new ProcessBuilder(simulatorsCommand)
                .redirectErrorStream(true)
                .redirectOutput(simulatorsLog.toFile())
                .start();
        try {
            awaitReady(simulators, simulatorsLog);
            Map<String, String> environment = new LinkedHashMap<>(compose.environment("truecount"));
            environment.put("SIMULATORS_HOST", "localhost");
            String db = postgres.freshJdbcUrl("docker");
            YearMonth period = YearMonth.now(ZoneId.of("America/New_York"));
            Command cycle = Command.run(
                    dir,
                    environment,
                    Duration.ofMinutes(4),
                    List.of(
                            Command.java(),
                            "-jar",
                            JAR.toString(),
                            "cycle",
                            "--config",
                            ComposeFile.DOCKER.resolve("config/truecount.yaml").toString(),
                            "--db",
                            db,
                            "--period",
                            period.toString(),
                            "--out",
                            dir.resolve("out").toString(),
                            "--push"));

            assertThat(cycle.exitCode()).as(cycle.toString()).isZero();
            JsonNode invoices =
                    new Exports(dir.resolve("out")).read("invoices.json").get("invoices");
            List<String> customers = new ArrayList<>();
            for (JsonNode invoice : invoices) {
                customers.add(invoice.get("customer").asText());
                assertThat(new BigDecimal(
                                invoice.get("lines").get(0).get("quantity").asText()))
                        .as("workstations counted in the simulated NinjaOne for %s", invoice.get("customer"))
                        .isPositive();
            }
            assertThat(customers)
                    .containsExactly(
                            "ashford-wealth-advisors",
                            "patel-dental-care",
                            "summit-ridge-orthodontics",
                            "sunrise-wealth-advisors");
            assertThat(Sql.column(db, "select connector_id || ' ' || state from push order by connector_id, id"))
                    .containsExactly(
                            "books CONFIRMED",
                            "books CONFIRMED",
                            "books CONFIRMED",
                            "books CONFIRMED",
                            "pay CONFIRMED",
                            "pay CONFIRMED");
            for (String name : List.of(
                    "NINJA_CLIENT_SECRET",
                    "QBO_CLIENT_SECRET",
                    "QBO_REFRESH_TOKEN",
                    "STRIPE_API_KEY",
                    "STRIPE_WEBHOOK_SECRET")) {
                assertThat(cycle.output()).doesNotContain(environment.get(name));
            }
        } finally {
            simulators.destroy();
            if (!simulators.waitFor(30, TimeUnit.SECONDS)) {
                simulators.destroyForcibly();
            }
        }
    }

    private static void awaitReady(Process simulators, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            String printed = Files.readString(log);
            if (printed.lines().anyMatch("ready"::equals)) {
                return;
            }
            if (!simulators.isAlive()) {
                throw new AssertionError("the simulators exited:\n" + printed);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the simulators were not ready within 2 minutes:\n" + Files.readString(log));
    }

    private static boolean portsFree() {
        for (int port = FIRST_PORT; port < FIRST_PORT + SIMULATORS; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
