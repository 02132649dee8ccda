package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.sim.ninjaone.NinjaOneSimulator;
import io.truecount.sim.quickbooks.QuickBooksSimulator;
import io.truecount.sim.stripe.StripeInvoice;
import io.truecount.sim.stripe.StripeSimulator;
import io.truecount.sim.vendor.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bar of issue 5: a push worker killed between send and record, then restarted, leaves exactly one invoice at the
 * vendor. {@code truecount cycle --push} runs in its own process (the runnable jar); once the vendor has applied what
 * it was sent, and while its answer is still on the way, the process is killed with SIGKILL. A second {@code cycle
 * --push} finds the abandoned push, reads the vendor back by our key, and completes it without a second create.
 */
class PushKillIT {

    private static final Path JAR = Path.of("../routes/target/truecount-exec.jar");

    @RegisterExtension
    static final E2eDatabase postgres = new E2eDatabase();

    @TempDir
    Path dir;

    @Test
    void quickBooks_killedWhileItsCreateIsAnswered_resumesByReadingBack_oneInvoiceAtTheVendor() throws Exception {
        String db = postgres.freshJdbcUrl("kill_qbo");
        try (NinjaOneSimulator ninja = NinjaOneSimulator.start(SmallMsp.data());
                QuickBooksSimulator qbo = QuickBooksSimulator.builder()
                        .customer("58")
                        .customer("59")
                        .slowDelay(Duration.ofSeconds(120))
                        .start()) {
            Path config = config(
                    ninja,
                    sink(qbo),
                    Map.of("acme", "books: \"58\"", "beta", "books: \"59\""),
                    Map.of("qbo-secret", qbo.clientSecret(), "qbo-refresh", qbo.initialRefreshToken()));
            // Every request after the token is answered two minutes late: the create is applied, its answer is not.
            AtomicBoolean armed = new AtomicBoolean(true);
            qbo.onRequest(r -> {
                if (r.url().contains("/oauth2/") && armed.getAndSet(false)) {
                    qbo.mode(Mode.SLOW);
                }
            });

            Process first = cycleInOwnProcess(config, db);
            await(() -> !qbo.invoices().isEmpty(), first, "QuickBooks to hold the first invoice");
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(states(db).get("books"))
                    .as("the killed run recorded nothing after sending")
                    .contains("SENT");

            qbo.mode(Mode.NORMAL);
            Thread.sleep(2_500); // the killed worker's lease (2 s) runs out
            CliRun second = cycle(config, db);

            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(states(db)).containsOnlyKeys("books").containsValue("CONFIRMED");
            assertThat(qbo.invoices())
                    .extracting(i -> i.docNumber())
                    .as("one invoice per customer, none twice")
                    .doesNotHaveDuplicates()
                    .hasSize(2);
            assertThat(invoiceStatuses(db)).containsOnly("POSTED");
        }
    }

    @Test
    void stripe_killedAfterTheDraftWasCreated_resumesTheSameDraft_oneChargeableInvoice() throws Exception {
        String db = postgres.freshJdbcUrl("kill_stripe");
        try (NinjaOneSimulator ninja = NinjaOneSimulator.start(SmallMsp.data());
                StripeSimulator stripe = StripeSimulator.builder()
                        .customer("cus_acme", "cus_beta")
                        .slowDelay(Duration.ofSeconds(120))
                        .start()) {
            Path config = config(
                    ninja,
                    """
                      pay:
                        type: stripe
                        base-url: %s
                        credentials: { api-key: "file:secrets/stripe-key", webhook-secret: "file:secrets/stripe-whsec" }
                        timeout-seconds: 300
                    """
                            .formatted(stripe.baseUrl()),
                    Map.of("acme", "pay: cus_acme", "beta", "pay: cus_beta"),
                    Map.of("stripe-key", stripe.apiKey(), "stripe-whsec", stripe.webhookSecret()));
            // Once the first draft invoice exists, Stripe answers two minutes late: the process dies with a draft
            // at Stripe and none of its items.
            AtomicBoolean armed = new AtomicBoolean(true);
            stripe.onRequest(r -> {
                if (r.method().equals("POST") && r.url().endsWith("/v1/invoices") && armed.getAndSet(false)) {
                    stripe.mode(Mode.SLOW);
                }
            });

            Process first = cycleInOwnProcess(config, db);
            await(() -> !stripe.invoices().isEmpty(), first, "Stripe to hold the first draft");
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

            stripe.mode(Mode.NORMAL);
            Thread.sleep(2_500);
            CliRun second = cycle(config, db);

            assertThat(second.exitCode()).as(second.toString()).isZero();
            List<StripeInvoice> invoices = stripe.invoices();
            assertThat(invoices)
                    .extracting(StripeInvoice::truecountNumber)
                    .doesNotHaveDuplicates()
                    .hasSize(2);
            assertThat(invoices).extracting(StripeInvoice::status).containsOnly("open");
            assertThat(invoices)
                    .filteredOn(i -> i.customer().equals("cus_acme"))
                    .singleElement()
                    .satisfies(i -> assertThat(i.total())
                            .as("the resumed draft got every item once")
                            .isEqualTo(totalInCents(db, "acme")));
            assertThat(states(db)).containsOnlyKeys("pay").containsValue("CONFIRMED");
        }
    }

    private static String sink(QuickBooksSimulator qbo) {
        return """
                  books:
                    type: quickbooks-online
                    base-url: %s
                    auth-url: %s
                    credentials:
                      client-id: %s
                      client-secret: "file:secrets/qbo-secret"
                      refresh-token: "file:secrets/qbo-refresh"
                      realm-id: "%s"
                    timeout-seconds: 300
                """
                .formatted(qbo.baseUrl(), qbo.tokenUrl(), qbo.clientId(), qbo.realmId());
    }

    /** The small NinjaOne MSP's configuration plus one sink connector and the customers' ids in it. */
    private Path config(
            NinjaOneSimulator ninja, String sinkYaml, Map<String, String> accounting, Map<String, String> secrets)
            throws Exception {
        Path config = SmallMsp.writeConfig(dir, ninja.baseUrl(), ninja.clientId(), ninja.clientSecret());
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            Files.writeString(dir.resolve("secrets").resolve(secret.getKey()), secret.getValue());
        }
        String yaml = Files.readString(config).replace("\ncustomers:", sinkYaml + "\ncustomers:");
        for (Map.Entry<String, String> customer : accounting.entrySet()) {
            String sources =
                    customer.getKey().equals("acme") ? "sources: { ninja: \"12\" }" : "sources: { ninja: \"34\" }";
            yaml = yaml.replace(sources, sources + "\n    accounting: { " + customer.getValue() + " }");
        }
        Files.writeString(config, yaml);
        return config;
    }

    private Process cycleInOwnProcess(Path config, String db) throws Exception {
        assertThat(JAR)
                .as("the runnable jar is built by the routes module's package phase")
                .exists();
        Path log = dir.resolve("killed-cycle.log");
        return new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dtruecount.push.lease-seconds=2",
                        "-jar",
                        JAR.toString(),
                        "cycle",
                        "--config",
                        config.toString(),
                        "--period",
                        "2026-10",
                        "--as-of",
                        SmallMsp.AS_OF.toString(),
                        "--out",
                        dir.resolve("out-killed").toString(),
                        "--push",
                        "--db",
                        db))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private CliRun cycle(Path config, String db) {
        return CliRun.of(
                "cycle",
                "--config",
                config.toString(),
                "--period",
                "2026-10",
                "--as-of",
                SmallMsp.AS_OF.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--push",
                "--db",
                db);
    }

    private void await(BooleanSupplier condition, Process process, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "the process ended before " + what + ":\n" + Files.readString(dir.resolve("killed-cycle.log")));
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("waited 120 s for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** Connector id to the states of its pushes, e.g. {@code {books=CONFIRMED}} when all agree. */
    private static Map<String, String> states(String db) throws Exception {
        Map<String, String> states = new TreeMap<>();
        for (List<String> row :
                Sql.rows(db, "select connector_id, string_agg(distinct state, ',') from push group by 1")) {
            states.put(row.get(0), row.get(1));
        }
        return states;
    }

    private static List<String> invoiceStatuses(String db) throws Exception {
        return Sql.column(db, "select distinct status from invoice");
    }

    private static long totalInCents(String db, String customer) throws Exception {
        String total = Sql.column(db, "select total from invoice where customer_id = '" + customer + "'")
                .get(0);
        return new java.math.BigDecimal(total).movePointRight(2).longValueExact();
    }
}
