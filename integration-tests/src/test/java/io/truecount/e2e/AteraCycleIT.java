package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.sim.atera.AteraData;
import io.truecount.sim.atera.AteraSimulator;
import io.truecount.sim.atera.ServedRequest;
import io.truecount.sim.msp.SampleDevice;
import io.truecount.sim.vendor.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code truecount cycle} end to end against the Atera simulator: API-key auth, numbered pages of two, the default
 * {@code OSType} class map with one override, and the simulator's failure modes; invoices computed by hand.
 */
class AteraCycleIT {

    /** October 2026 ends at midnight in New York, 04:00 UTC. */
    private static final Instant AS_OF = Instant.parse("2026-11-01T03:59:59Z");

    private static final Instant RECENT = AS_OF.minus(Duration.ofDays(2));
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final E2eDatabase postgres = new E2eDatabase();

    private AteraSimulator atera;
    private Path config;

    @TempDir
    Path dir;

    /**
     * Acme (3001): workstations 1001, 1002 and the Mac 1003 (a workstation by override), servers 1004 and the domain
     * controller 1005, and 1006, silent for 60 days. Beta (3002): workstation 2001 and a Linux agent 2002 (other).
     * Bob's Bakery (3099) is in Atera but not in the configuration.
     */
    static AteraData data() {
        return AteraData.builder()
                .customer(3001, "Acme Dental")
                .customer(3002, "Beta Law")
                .customer(3099, "Bob's Bakery")
                .agent(agent(1001, 3001, RECENT), "Work Station")
                .agent(agent(1002, 3001, RECENT), "Workstation")
                .agent(agent(1003, 3001, RECENT), "Mac")
                .agent(agent(1004, 3001, RECENT), "Server")
                .agent(agent(1005, 3001, RECENT), "Domain Controller")
                .agent(agent(1006, 3001, AS_OF.minus(Duration.ofDays(60))), "Work Station")
                .agent(agent(2001, 3002, RECENT), "Work Station")
                .agent(agent(2002, 3002, RECENT), "Linux")
                .agent(agent(9001, 3099, RECENT), "Work Station")
                .build();
    }

    private static SampleDevice agent(long id, long customer, Instant lastSeen) {
        return SampleDevice.builder(id, customer)
                .serialNumber("AT-" + id)
                .lastContact(lastSeen)
                .created(AS_OF.minus(Duration.ofDays(400)))
                .build();
    }

    @BeforeEach
    void startSimulator() throws IOException {
        atera = AteraSimulator.builder(data()).throttleEvery(3).start();
        config = writeConfig(atera.apiKey());
    }

    @AfterEach
    void stopSimulator() {
        atera.close();
    }

    private Path writeConfig(String apiKey) throws IOException {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/atera-key"), apiKey + "\n");
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
                  atera:
                    type: atera
                    base-url: %s
                    credentials: { api-key: "file:secrets/atera-key" }
                    stale-after-days: 30
                    asset-classes: { Mac: workstation }
                    page-size: 2
                    retry: { max-attempts: 3, backoff-millis: 20, max-wait-seconds: 5 }

                customers:
                  acme:
                    name: Acme Dental
                    tax: { rate: "8.25", category: S }
                    address: { line1: 9 Elm Rd, city: Springfield, postal-code: "12345" }
                    sources: { atera: "3001" }
                  beta:
                    name: Beta Law LLP
                    tax: { rate: "0", category: Z }
                    address: { line1: 4 Court Sq, city: Shelbyville }
                    sources: { atera: "3002" }

                contracts:
                  - id: acme-managed
                    customer: acme
                    start: 2026-01-01
                    cycle: monthly
                    billing: advance
                    lines:
                      - { id: workstations, type: per-asset, asset-classes: [workstation], unit-price: "40.00" }
                      - { id: servers, type: per-asset, asset-classes: [server], unit-price: "120.00" }
                  - id: beta-managed
                    customer: beta
                    start: 2026-01-01
                    cycle: monthly
                    billing: advance
                    lines:
                      - { id: workstations, type: per-asset, asset-classes: [workstation], unit-price: "50.00",
                          minimum-quantity: 2 }
                """
                        .formatted(atera.baseUrl());
        Path file = dir.resolve("truecount.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private CliRun cycle() {
        return CliRun.of(
                "cycle",
                "--config",
                config.toString(),
                "--period",
                "2026-10",
                "--as-of",
                AS_OF.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--db",
                postgres.jdbcUrl());
    }

    private JsonNode read(String file) throws IOException {
        return JSON.readTree(dir.resolve("out").resolve(file).toFile());
    }

    @Test
    void sync_storesTheEstateWithoutBilling_andPrintsItsCounters() throws IOException {
        CliRun run = CliRun.of("sync", "--config", config.toString(), "--db", postgres.jdbcUrl());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        // 3 customers and 9 agents in pages of 2: 2 + 5 pages, one request each, no retries, no throttling.
        assertThat(run.stdout()).containsPattern("atera\\s+ok\\s+12\\s+7\\s+7\\s+0\\s+0\\s");
        assertThat(Files.exists(dir.resolve("out")))
                .as("nothing is billed or exported")
                .isFalse();

        CliRun unknown =
                CliRun.of("sync", "--config", config.toString(), "--connector", "ninja", "--db", postgres.jdbcUrl());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr())
                .contains("'ninja' is not a source connector of this configuration (sources: atera)");
    }

    @Test
    void cycle_billsTheAteraEstateAsComputedByHand() throws IOException {
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        JsonNode invoices = read("invoices.json");
        assertThat(invoices.get("invoices")).hasSize(2);

        // Acme: workstations 1001, 1002, 1003 (Mac, by override); servers 1004 and 1005 (domain controller);
        // 1006 is stale. 3 × 40.00 + 2 × 120.00 = 360.00; tax 8.25% = 29.70.
        JsonNode acme = Exports.invoiceOf(invoices, "acme");
        assertThat(Exports.lines(acme))
                .containsExactly("workstations 3 x 40.00 = 120.00", "servers 2 x 120.00 = 240.00");
        assertThat(acme.get("subtotal").asText()).isEqualTo("360.00");
        assertThat(acme.get("tax").asText()).isEqualTo("29.70");
        assertThat(acme.get("total").asText()).isEqualTo("389.70");

        // Beta: one workstation (the Linux agent is other), minimum 2: 2 × 50.00.
        JsonNode beta = Exports.invoiceOf(invoices, "beta");
        assertThat(Exports.lines(beta)).containsExactly("workstations 2 x 50.00 = 100.00");
        assertThat(beta.get("total").asText()).isEqualTo("100.00");

        assertThat(new Exports(dir.resolve("out")).reconciliation())
                .contains("UNMAPPED_ORGANIZATION - 3099", "STALE_ASSET acme 1006");
        // 3 customers and 9 agents in pages of 2: 2 + 5 requests, each with the key (else 401).
        assertThat(atera.requests()).extracting(ServedRequest::status).containsOnly(200);
        assertThat(atera.requests()).hasSize(7);
    }

    @Test
    void throttledSource_isRetriedAfterTheDelayItAskedFor_withTheSameTotals() throws IOException {
        atera.mode(Mode.THROTTLE);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        List<ServedRequest> requests = atera.requests();
        int throttled = 0;
        for (int i = 0; i + 1 < requests.size(); i++) {
            if (requests.get(i).status() == 429) {
                throttled++;
                Duration waited = Duration.between(
                        requests.get(i).at(), requests.get(i + 1).at());
                assertThat(waited).as("wait after 429 #" + throttled).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
        }
        assertThat(throttled).isPositive();
        assertThat(run.stdout()).contains(throttled + " throttled");
        assertThat(Exports.invoiceOf(read("invoices.json"), "acme").get("total").asText())
                .isEqualTo("389.70");
    }

    @Test
    void flakyServerErrors_areRetried_withTheSameTotals() throws IOException {
        atera.mode(Mode.FLAKY_5XX);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        assertThat(atera.requests()).extracting(ServedRequest::status).contains(503);
        assertThat(Exports.invoiceOf(read("invoices.json"), "beta").get("total").asText())
                .isEqualTo("100.00");
    }

    @Test
    void failingSource_givesSourceFailed_noZeroInvoice_exitCode3() throws IOException {
        atera.mode(Mode.FAIL_5XX);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(read("invoices.json").get("invoices")).isEmpty();
        assertThat(new Exports(dir.resolve("out")).reconciliation())
                .containsExactlyInAnyOrder("SOURCE_FAILED acme ", "SOURCE_FAILED beta ");
    }

    @Test
    void malformedPage_failsTheSource_namingUrlAndPage() throws IOException {
        atera.mode(Mode.MALFORMED_PAGE);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.stderr()).contains("/api/v3/agents").containsIgnoringCase("page 2");
        assertThat(read("invoices.json").get("invoices")).isEmpty();
    }

    @Test
    void refusedApiKey_failsTheSource_withoutPrintingTheKey() throws IOException {
        config = writeConfig("a-revoked-key");
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.stdout() + run.stderr()).contains("401").doesNotContain("a-revoked-key");
        assertThat(read("invoices.json").get("invoices")).isEmpty();
        assertThat(atera.requests()).hasSize(1);
    }
}
