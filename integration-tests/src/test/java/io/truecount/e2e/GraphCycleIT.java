package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.sim.graph.Endpoint;
import io.truecount.sim.graph.GraphData;
import io.truecount.sim.graph.GraphSimulator;
import io.truecount.sim.graph.GraphTenant;
import io.truecount.sim.graph.ServedRequest;
import io.truecount.sim.vendor.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code truecount cycle} end to end against the Microsoft 365 simulator: a token per tenant, SKUs and users read by
 * {@code /users/delta} in pages of two, per-license lines (one at cost plus markup, a {@code Deleted} SKU ignored) and
 * per-user lines, every simulator mode, an unconsented tenant that fails only its customer, and the delta criterion:
 * a second sync with 1% of 10,000 users changed costs at most 5% of the first sync's Graph requests.
 */
class GraphCycleIT {

    /** October 2026 ends at midnight in New York, 04:00 UTC. */
    private static final Instant AS_OF = Instant.parse("2026-11-01T03:59:59Z");

    private static final Instant NOVEMBER_AS_OF = Instant.parse("2026-12-01T04:59:59Z");
    private static final String ACME = "t-acme";
    private static final String BETA = "t-beta";
    private static final String GAMMA = "t-gamma";
    private static final String BIG_1 = "big1";
    private static final String BIG_2 = "big2";
    private static final int LARGE = 5000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final E2eDatabase postgres = new E2eDatabase();

    private GraphSimulator graph;
    private Path config;
    private String jdbcUrl;

    @TempDir
    Path dir;

    /**
     * Acme: ann (E3), bob (E3 + Power BI), cat (E3, disabled), svc-backup (E3), dan (no licence); E3 has 6 seats
     * bought, 4 used; Power BI 2 bought, 1 used; Business Essentials is Deleted with its last 3 seats still listed.
     * Beta: three users on Business Premium, 5 seats. Gamma: two users on Business Premium, 2 seats.
     */
    static GraphData data() {
        return GraphData.builder()
                .tenant(ACME, "Acme Dental Ltd")
                .sku(ACME, "SPE_E3", "Enabled", 6)
                .sku(ACME, "POWER_BI_PRO", "Enabled", 2)
                .sku(ACME, "O365_BUSINESS_ESSENTIALS", "Deleted", 3)
                .user(ACME, "a-1", "ann@acme.example", true, "SPE_E3")
                .user(ACME, "a-2", "bob@acme.example", true, "SPE_E3", "POWER_BI_PRO")
                .user(ACME, "a-3", "cat@acme.example", false, "SPE_E3")
                .user(ACME, "a-4", "svc-backup@acme.example", true, "SPE_E3")
                .user(ACME, "a-5", "dan@acme.example", true)
                .tenant(BETA, "Beta Law")
                .sku(BETA, "O365_BUSINESS_PREMIUM", "Enabled", 5)
                .user(BETA, "b-1", "eve@beta.example", true, "O365_BUSINESS_PREMIUM")
                .user(BETA, "b-2", "fay@beta.example", true, "O365_BUSINESS_PREMIUM")
                .user(BETA, "b-3", "gus@beta.example", true, "O365_BUSINESS_PREMIUM")
                .tenant(GAMMA, "Gamma Dental")
                .sku(GAMMA, "O365_BUSINESS_PREMIUM", "Enabled", 2)
                .user(GAMMA, "g-1", "hal@gamma.example", true, "O365_BUSINESS_PREMIUM")
                .user(GAMMA, "g-2", "ida@gamma.example", true, "O365_BUSINESS_PREMIUM")
                .build();
    }

    @BeforeEach
    void start() throws IOException, SQLException {
        // A database per test: a run resumes from the cursors of the last successful one, which must be this test's.
        jdbcUrl = postgres.freshJdbcUrl("graph");
        graph = GraphSimulator.builder(data())
                .throttleEvery(3)
                .flakyEvery(3)
                .tokenRequestLimit(3)
                .slowDelay(Duration.ofMillis(200))
                .start();
        config = writeConfig(graph.clientSecret(), smallContracts(), 2);
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private static String smallContracts() {
        return """
                customers:
                  acme:
                    name: Acme Dental
                    tax: { rate: "8.25", category: S }
                    address: { line1: 9 Elm Rd, city: Springfield, postal-code: "12345" }
                    sources: { m365: "t-acme" }
                  beta:
                    name: Beta Law LLP
                    tax: { rate: "0", category: Z }
                    address: { line1: 4 Court Sq, city: Shelbyville }
                    sources: { m365: "t-beta" }
                  gamma:
                    name: Gamma Dental
                    tax: { rate: "0", category: Z }
                    address: { line1: 1 Pier Rd, city: Ogdenville }
                    sources: { m365: "t-gamma" }

                contracts:
                  - id: acme-m365
                    customer: acme
                    start: 2026-01-01
                    cycle: monthly
                    billing: advance
                    lines:
                      - { id: e3, type: per-license, skus: [SPE_E3, O365_BUSINESS_ESSENTIALS], count: purchased,
                          cost: "30.00", markup-percent: "20" }
                      - { id: powerbi, type: per-license, sku: POWER_BI_PRO, count: assigned, unit-price: "12.50" }
                      - { id: users, type: per-user, unit-price: "5.00", exclude-upn: ["svc-*@acme.example"] }
                  - id: beta-m365
                    customer: beta
                    start: 2026-01-01
                    cycle: monthly
                    billing: advance
                    lines:
                      - { id: premium, type: per-license, sku: O365_BUSINESS_PREMIUM, count: assigned,
                          unit-price: "22.00" }
                      - { id: users, type: per-user, unit-price: "2.00" }
                  - id: gamma-m365
                    customer: gamma
                    start: 2026-01-01
                    cycle: monthly
                    billing: advance
                    lines:
                      - { id: users, type: per-user, unit-price: "4.00" }
                """;
    }

    private Path writeConfig(String clientSecret, String customersAndContracts, int pageSize) throws IOException {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/graph-secret"), clientSecret + "\n");
        String yaml =
                """
                company:
                  name: Zylker Managed Services
                  currency: USD
                  timezone: America/New_York
                  invoice-prefix: ZY-
                  address: { line1: 1 Main St, city: Springfield, postal-code: "12345", country: US }
                  tax-id: US123456789

                connectors:
                  m365:
                    type: microsoft-graph
                    base-url: %s
                    login-url: %s
                    credentials: { client-id: "%s", client-secret: "file:secrets/graph-secret" }
                    page-size: %d
                    retry: { max-attempts: 6, backoff-millis: 20, max-wait-seconds: 5 }

                """
                                .formatted(graph.baseUrl(), graph.baseUrl(), graph.clientId(), pageSize)
                        + customersAndContracts;
        Path file = dir.resolve("truecount.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private CliRun cycle(String period, Instant asOf) {
        return CliRun.of(
                "cycle",
                "--config",
                config.toString(),
                "--period",
                period,
                "--as-of",
                asOf.toString(),
                "--out",
                dir.resolve("out-" + period).toString(),
                "--db",
                jdbcUrl);
    }

    private CliRun cycle() {
        return cycle("2026-10", AS_OF);
    }

    private JsonNode read(String period, String file) throws IOException {
        return JSON.readTree(dir.resolve("out-" + period).resolve(file).toFile());
    }

    private JsonNode read(String file) throws IOException {
        return read("2026-10", file);
    }

    private List<String> sourceFailures() throws IOException {
        List<String> failed = new ArrayList<>();
        for (JsonNode item : read("reconciliation.json").get("items")) {
            if (item.get("kind").asText().equals("SOURCE_FAILED")) {
                failed.add(item.get("customer").asText());
            }
        }
        return failed;
    }

    private void assertHandComputedInvoices() throws IOException {
        JsonNode invoices = read("invoices.json");
        assertThat(Exports.invoiceOf(invoices, "acme").get("total").asText()).isEqualTo("258.18");
        assertThat(Exports.invoiceOf(invoices, "beta").get("total").asText()).isEqualTo("72.00");
        assertThat(Exports.invoiceOf(invoices, "gamma").get("total").asText()).isEqualTo("8.00");
    }

    @Test
    void cycle_billsLicencesAndUsersAsComputedByHand() throws IOException {
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        JsonNode invoices = read("invoices.json");
        assertThat(invoices.get("invoices")).hasSize(3);
        // Acme: E3 purchased 6 (the Deleted Essentials' 3 seats do not count), at 30.00 + 20% = 36.00: 216.00.
        // Power BI assigned 1 × 12.50. Users: enabled with a licence, svc-* excluded: ann, bob (cat is disabled,
        // dan unlicensed): 2 × 5.00. Subtotal 238.50; tax 8.25% = 19.67625 → 19.68; total 258.18.
        JsonNode acme = Exports.invoiceOf(invoices, "acme");
        assertThat(Exports.lines(acme))
                .containsExactly("e3 6 x 36.00 = 216.00", "powerbi 1 x 12.50 = 12.50", "users 2 x 5.00 = 10.00");
        assertThat(acme.get("subtotal").asText()).isEqualTo("238.50");
        assertThat(acme.get("tax").asText()).isEqualTo("19.68");
        // Beta: 3 assigned × 22.00 + 3 users × 2.00 = 72.00, zero-rated. Gamma: 2 users × 4.00.
        assertThat(Exports.lines(Exports.invoiceOf(invoices, "beta")))
                .containsExactly("premium 3 x 22.00 = 66.00", "users 3 x 2.00 = 6.00");
        assertHandComputedInvoices();

        // One token per tenant from its own path; per tenant one SKU request and three pages of users.
        assertThat(graph.requests()).extracting(ServedRequest::status).containsOnly(200);
        assertThat(graph.requests().stream().filter(r -> r.endpoint() == Endpoint.TOKEN))
                .extracting(ServedRequest::tenant)
                .containsExactlyInAnyOrder(ACME, BETA, GAMMA);
        assertThat(graph.requestCount(Endpoint.SUBSCRIBED_SKUS)).isEqualTo(3);
        // Acme 5 users in 3 pages, Beta 3 in 2, Gamma 2 in 1.
        assertThat(graph.requestCount(Endpoint.USERS_DELTA)).isEqualTo(6);
    }

    @Test
    void unconsentedTenant_failsOnlyItsCustomer_namingTheTenantAndTheAadstsCode() throws IOException {
        graph.data().tenant(GAMMA).consent(GraphTenant.Consent.UNCONSENTED);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);

        assertThat(sourceFailures()).containsExactly("gamma");
        for (JsonNode item : read("reconciliation.json").get("items")) {
            if (item.get("kind").asText().equals("SOURCE_FAILED")) {
                assertThat(item.get("error").asText()).contains("t-gamma", "AADSTS700016");
            }
        }
        JsonNode invoices = read("invoices.json");
        assertThat(invoices.get("invoices")).hasSize(2);
        assertThat(Exports.invoiceOf(invoices, "acme").get("total").asText()).isEqualTo("258.18");
        assertThat(Exports.invoiceOf(invoices, "beta").get("total").asText()).isEqualTo("72.00");
        assertThat(run.stdout()).contains("AADSTS700016");
    }

    @Test
    void refusedClientSecret_failsEveryCustomer_withEntraIdsCode_withoutPrintingTheSecret() throws IOException {
        config = writeConfig("a-revoked-secret", smallContracts(), 2);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.stdout() + run.stderr()).contains("AADSTS7000215").doesNotContain("a-revoked-secret");
        assertThat(read("invoices.json").get("invoices")).isEmpty();
        assertThat(sourceFailures()).containsExactlyInAnyOrder("acme", "beta", "gamma");
        assertThat(graph.graphRequestCount()).isZero();
    }

    @Test
    void throttled_waitsTheRetryAfter_andBillsTheSame() throws IOException {
        graph.mode(Mode.THROTTLE);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        List<ServedRequest> requests = graph.requests();
        long throttled = requests.stream().filter(r -> r.status() == 429).count();
        assertThat(throttled).isPositive();
        assertThat(run.stdout()).contains(throttled + " throttled");
        assertHandComputedInvoices();
    }

    @Test
    void flakyServerErrors_areRetried_withTheSameTotals() throws IOException {
        graph.mode(Mode.FLAKY_5XX);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(graph.requests()).extracting(ServedRequest::status).contains(503);
        assertHandComputedInvoices();
    }

    @Test
    void tokenExpiringMidRun_isRenewed_withTheSameTotals() throws IOException {
        graph.mode(Mode.TOKEN_EXPIRY);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // Acme needs 4 data requests at 3 per token: it met a 401 and fetched a second token.
        assertThat(graph.requests()).extracting(ServedRequest::status).contains(401);
        assertThat(graph.requests().stream().filter(r -> r.endpoint() == Endpoint.TOKEN && ACME.equals(r.tenant())))
                .hasSizeGreaterThanOrEqualTo(2);
        assertHandComputedInvoices();
    }

    @Test
    void slowResponses_areWaitedFor_withTheSameTotals() throws IOException {
        graph.mode(Mode.SLOW);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertHandComputedInvoices();
    }

    @Test
    void failingGraph_failsEveryCustomer_noZeroInvoice() throws IOException {
        graph.mode(Mode.FAIL_5XX);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(read("invoices.json").get("invoices")).isEmpty();
        assertThat(sourceFailures()).containsExactlyInAnyOrder("acme", "beta", "gamma");
    }

    @Test
    void malformedPage_failsTheSource_namingUrlAndPage() throws IOException {
        graph.mode(Mode.MALFORMED_PAGE);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.stdout() + run.stderr())
                .contains("/v1.0/users/delta?$skiptoken=")
                .containsIgnoringCase("page 2");
        assertThat(read("invoices.json").get("invoices")).isEmpty();
    }

    /** Two tenants of 5,000 users, every user on E3; 10 spare seats each. */
    static GraphData largeTenants() {
        GraphData.Builder builder = GraphData.builder();
        for (String tenant : List.of(BIG_1, BIG_2)) {
            builder.tenant(tenant, "Big " + tenant).sku(tenant, "SPE_E3", "Enabled", LARGE + 10);
            for (int i = 0; i < LARGE; i++) {
                builder.user(tenant, tenant + "-u" + i, "user" + i + "@" + tenant + ".example", true, "SPE_E3");
            }
        }
        return builder.build();
    }

    private static String largeContracts() {
        StringBuilder yaml = new StringBuilder("customers:\n");
        for (String tenant : List.of(BIG_1, BIG_2)) {
            yaml.append(
                    """
                      %s:
                        name: Big %s
                        tax: { rate: "0", category: Z }
                        address: { line1: 1 Tower Rd, city: Capital City }
                        sources: { m365: "%s" }
                    """
                            .formatted(tenant, tenant, tenant));
        }
        yaml.append("\ncontracts:\n");
        for (String tenant : List.of(BIG_1, BIG_2)) {
            yaml.append(
                    """
                      - id: %s-m365
                        customer: %s
                        start: 2026-01-01
                        cycle: monthly
                        billing: advance
                        lines:
                          - { id: e3, type: per-license, sku: SPE_E3, count: assigned, unit-price: "10.00" }
                          - { id: users, type: per-user, unit-price: "1.00" }
                    """
                            .formatted(tenant, tenant));
        }
        return yaml.toString();
    }

    /**
     * The issue's criterion. In each tenant 50 users change (1% of 10,000 in all): 20 lose their licence, 10 are
     * disabled, 10 deleted, 10 added with E3. Requests are those Graph served; tokens (Entra ID's login host, one per
     * tenant and process) are not Graph requests and are not counted.
     */
    @Test
    void secondSync_withOnePercentOfUsersChanged_costsAtMostFivePercentOfTheGraphRequests_andBillsTheChanges()
            throws IOException {
        graph.close();
        graph = GraphSimulator.start(largeTenants());
        config = writeConfig(graph.clientSecret(), largeContracts(), 100);

        CliRun first = cycle();
        assertThat(first.exitCode()).as(first.toString()).isZero();
        int firstRequests = graph.graphRequestCount();
        // Per tenant: the SKUs, and 5,000 users in 50 pages of 100.
        assertThat(firstRequests).isEqualTo(2 * (1 + 50));
        for (String tenant : List.of(BIG_1, BIG_2)) {
            JsonNode invoice = Exports.invoiceOf(read("invoices.json"), tenant);
            assertThat(Exports.lines(invoice))
                    .containsExactly("e3 5000 x 10.00 = 50000.00", "users 5000 x 1.00 = 5000.00");
        }

        for (String tenant : List.of(BIG_1, BIG_2)) {
            GraphTenant data = graph.data().tenant(tenant);
            for (int i = 0; i < 20; i++) {
                data.assign(tenant + "-u" + i);
            }
            for (int i = 20; i < 30; i++) {
                data.setEnabled(tenant + "-u" + i, false);
            }
            for (int i = 30; i < 40; i++) {
                data.delete(tenant + "-u" + i);
            }
            for (int i = 0; i < 10; i++) {
                data.addUser(tenant + "-new" + i, "new" + i + "@" + tenant + ".example", true, "SPE_E3");
            }
        }
        graph.clearRequests();

        CliRun second = cycle("2026-11", NOVEMBER_AS_OF);
        assertThat(second.exitCode()).as(second.toString()).isZero();
        int secondRequests = graph.graphRequestCount();
        // Per tenant: the SKUs, and the 50 changed users in one delta page.
        assertThat(secondRequests).isEqualTo(2 * (1 + 1));
        assertThat(secondRequests * 100).isLessThanOrEqualTo(firstRequests * 5);
        assertThat(graph.requests().stream().filter(r -> r.endpoint() == Endpoint.USERS_DELTA))
                .allSatisfy(r -> assertThat(r.query()).startsWith("$deltatoken="));

        // Assigned E3: 5,000 - 20 unlicensed - 10 deleted + 10 added = 4,980 (disabled users keep theirs).
        // Users: enabled with a licence: 4,980 - 10 disabled = 4,970.
        for (String tenant : List.of(BIG_1, BIG_2)) {
            JsonNode invoice = Exports.invoiceOf(read("2026-11", "invoices.json"), tenant);
            assertThat(Exports.lines(invoice))
                    .containsExactly("e3 4980 x 10.00 = 49800.00", "users 4970 x 1.00 = 4970.00");
            assertThat(invoice.get("total").asText()).isEqualTo("54770.00");
        }
    }
}
