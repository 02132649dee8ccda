package io.truecount.bench;

import io.truecount.app.Truecount;
import io.truecount.sim.msp.SampleDevice;
import io.truecount.sim.ninjaone.NinjaOneData;
import io.truecount.sim.ninjaone.NinjaOneSimulator;
import io.truecount.sim.stripe.StripeInvoice;
import io.truecount.sim.stripe.StripeSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The MSP the webhook bench bills: a NinjaOne simulator with {@code customers} organizations of a few workstations, a
 * Stripe simulator with one customer each, and the configuration that joins them (the {@code stripe} connector is
 * the sink and receives the webhooks). {@link #pushInvoices} runs {@code truecount cycle --push} once, so every
 * customer has an invoice at Stripe whose {@code in_…} id is in the push table.
 */
final class WebhookEstate implements AutoCloseable {

    static final String CONNECTOR = "stripe";
    static final String PERIOD = "2026-10";
    /** October 2026 ends at midnight in New York, 04:00 UTC. */
    static final Instant AS_OF = Instant.parse("2026-11-01T03:59:59Z");

    private final NinjaOneSimulator ninja;
    private final StripeSimulator stripe;
    private final Path config;

    private WebhookEstate(NinjaOneSimulator ninja, StripeSimulator stripe, Path config) {
        this.ninja = ninja;
        this.stripe = stripe;
        this.config = config;
    }

    static WebhookEstate start(Path dir, int customers, long seed) throws IOException {
        Random random = new Random(seed);
        NinjaOneData.Builder data = NinjaOneData.builder();
        List<String> stripeCustomers = new ArrayList<>();
        for (int c = 1; c <= customers; c++) {
            data.organization(c, String.format(Locale.ROOT, "Bench Customer %03d", c));
            int devices = 2 + random.nextInt(7);
            for (int d = 1; d <= devices; d++) {
                data.device(SampleDevice.builder(c * 100L + d, c)
                        .nodeClass(d == 1 ? "WINDOWS_SERVER" : "WINDOWS_WORKSTATION")
                        .serialNumber(String.format(Locale.ROOT, "B%03d-%02d", c, d))
                        .lastContact(AS_OF.minus(Duration.ofHours(1 + random.nextInt(48))))
                        .created(AS_OF.minus(Duration.ofDays(400)))
                        .build());
            }
            stripeCustomers.add(stripeCustomer(c));
        }
        // A fresh endpoint secret per run, as Stripe generates one per endpoint.
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        NinjaOneSimulator ninja = NinjaOneSimulator.start(data.build());
        StripeSimulator stripe = StripeSimulator.builder()
                .customer(stripeCustomers.toArray(String[]::new))
                .webhookSecret("whsec_" + HexFormat.of().formatHex(secret))
                .start();
        Path config = writeConfig(dir, ninja, stripe, customers);
        return new WebhookEstate(ninja, stripe, config);
    }

    Path config() {
        return config;
    }

    String webhookSecret() {
        return stripe.webhookSecret();
    }

    /**
     * Runs {@code truecount cycle --period 2026-10 --push} in this JVM against the database and returns the Stripe
     * invoices the pushes created, as Stripe holds them, each confirmed in the push table.
     */
    List<StripeInvoice> pushInvoices(String jdbcUrl, DataSource database, Path out) throws SQLException {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Truecount.run(
                new PrintWriter(stdout, true),
                new PrintWriter(stderr, true),
                "cycle",
                "--config",
                config.toString(),
                "--period",
                PERIOD,
                "--as-of",
                AS_OF.toString(),
                "--out",
                out.toString(),
                "--push",
                "--db",
                jdbcUrl);
        if (code != 0) {
            throw new IllegalStateException("truecount cycle --push exited with " + code + "\n" + stdout + stderr);
        }
        Map<String, StripeInvoice> atStripe =
                stripe.invoices().stream().collect(Collectors.toMap(StripeInvoice::id, Function.identity()));
        List<StripeInvoice> pushed = new ArrayList<>();
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select invoice_number, state, external_id from push where connector_id = '"
                                + CONNECTOR + "' order by invoice_number")) {
            while (rs.next()) {
                StripeInvoice invoice = atStripe.get(rs.getString(3));
                if (!"CONFIRMED".equals(rs.getString(2)) || invoice == null) {
                    throw new IllegalStateException("the push of " + rs.getString(1) + " is " + rs.getString(2)
                            + " (Stripe id " + rs.getString(3) + ")\n" + stdout + stderr);
                }
                pushed.add(invoice);
            }
        }
        if (pushed.isEmpty()) {
            throw new IllegalStateException("truecount cycle --push pushed nothing to Stripe\n" + stdout + stderr);
        }
        return pushed;
    }

    private static String stripeCustomer(int c) {
        return String.format(Locale.ROOT, "cus_bench%04d", c);
    }

    private static Path writeConfig(Path dir, NinjaOneSimulator ninja, StripeSimulator stripe, int customers)
            throws IOException {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/ninja-id"), ninja.clientId() + "\n");
        Files.writeString(dir.resolve("secrets/ninja-secret"), ninja.clientSecret() + "\n");
        Files.writeString(dir.resolve("secrets/stripe-key"), stripe.apiKey() + "\n");
        Files.writeString(dir.resolve("secrets/stripe-whsec"), stripe.webhookSecret() + "\n");
        StringBuilder yaml = new StringBuilder(
                """
                company:
                  name: Zylker Managed Services
                  currency: USD
                  timezone: America/New_York
                  invoice-prefix: ZY-
                  address: { line1: 1 Main St, city: Springfield, postal-code: "12345", country: US }
                  tax-id: US123456789

                connectors:
                  ninja:
                    type: ninjaone
                    base-url: %s
                    credentials: { client-id: "file:secrets/ninja-id", client-secret: "file:secrets/ninja-secret" }
                  %s:
                    type: stripe
                    base-url: %s
                    credentials: { api-key: "file:secrets/stripe-key", webhook-secret: "file:secrets/stripe-whsec" }

                customers:
                """
                        .formatted(ninja.baseUrl(), CONNECTOR, stripe.baseUrl()));
        for (int c = 1; c <= customers; c++) {
            yaml.append(String.format(
                    Locale.ROOT,
                    """
                      c%03d:
                        name: Bench Customer %03d
                        tax: { rate: "8.25", category: S }
                        address: { line1: %d Elm Rd, city: Springfield, postal-code: "12345" }
                        sources: { ninja: "%d" }
                        accounting: { %s: "%s" }
                    """,
                    c,
                    c,
                    c,
                    c,
                    CONNECTOR,
                    stripeCustomer(c)));
        }
        yaml.append("\ncontracts:\n");
        for (int c = 1; c <= customers; c++) {
            yaml.append(String.format(
                    Locale.ROOT,
                    """
                      - id: c%03d-managed
                        customer: c%03d
                        start: 2026-01-01
                        cycle: monthly
                        billing: advance
                        lines:
                          - { id: workstations, type: per-asset, asset-classes: [workstation], unit-price: "45.00" }
                          - { id: servers, type: per-asset, asset-classes: [server], unit-price: "125.00" }
                          - { id: backup, type: flat, amount: "99.00", description: Backup monitoring }
                    """,
                    c,
                    c));
        }
        Path file = dir.resolve("truecount.yaml");
        Files.writeString(file, yaml.toString());
        return file;
    }

    @Override
    public void close() {
        ninja.close();
        stripe.close();
    }
}
