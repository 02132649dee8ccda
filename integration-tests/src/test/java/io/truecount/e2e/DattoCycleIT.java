package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.sim.datto.DattoData;
import io.truecount.sim.datto.DattoSimulator;
import io.truecount.sim.datto.Endpoint;
import io.truecount.sim.datto.ServedRequest;
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
 * {@code truecount cycle} end to end against the Datto RMM simulator: the password-grant token, sites and per-site
 * devices in pages of two followed by {@code nextPageUrl}, the default class map with one override, deleted and
 * suspended devices, and the simulator's failure modes; invoices computed by hand.
 */
class DattoCycleIT {

    /** October 2026 ends at midnight in New York, 04:00 UTC. */
    private static final Instant AS_OF = Instant.parse("2026-11-01T03:59:59Z");

    private static final Instant RECENT = AS_OF.minus(Duration.ofDays(2));
    private static final String ACME = "site-acme";
    private static final String BETA = "site-beta";
    private static final String BOB = "site-bob";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final E2eDatabase postgres = new E2eDatabase();

    private DattoSimulator datto;
    private Path config;

    @TempDir
    Path dir;

    /**
     * Acme: a desktop 1001, a laptop 1002 and a tablet 1003 (a workstation by override), a server 1004 and an ESXi
     * host 1005; desktop 1006 is deleted, 1007 suspended, 1008 is a printer (network), desktop 1009 has been silent
     * for 60 days. Beta: laptop 2001 and a phone 2002 (mobile). Bob's Bakery is in Datto but not in the
     * configuration. Odd ids carry lastSeen as epoch milliseconds, even ids as ISO.
     */
    static DattoData data() {
        return DattoData.builder()
                .site(ACME, "Acme Dental")
                .site(BETA, "Beta Law")
                .site(BOB, "Bob's Bakery")
                .device(ACME, device(1001, RECENT), "device", "Desktop")
                .device(ACME, device(1002, RECENT), "device", "Laptop")
                .device(ACME, device(1003, RECENT), "device", "Tablet")
                .device(ACME, device(1004, RECENT), "device", "Server")
                .device(ACME, device(1005, RECENT), "esxihost", "ESXi Host")
                .deletedDevice(ACME, device(1006, RECENT), "device", "Desktop")
                .suspendedDevice(ACME, device(1007, RECENT), "device", "Desktop")
                .device(ACME, device(1008, RECENT), "printer", null)
                .device(ACME, device(1009, AS_OF.minus(Duration.ofDays(60))), "device", "Desktop")
                .device(BETA, device(2001, RECENT), "device", "Laptop")
                .device(BETA, device(2002, RECENT), "device", "Smartphone")
                .device(BOB, device(9001, RECENT), "device", "Desktop")
                .build();
    }

    private static SampleDevice device(long id, Instant lastSeen) {
        return SampleDevice.builder(id, id / 1000)
                .lastContact(lastSeen)
                .created(AS_OF.minus(Duration.ofDays(400)))
                .build();
    }

    @BeforeEach
    void startSimulator() throws IOException {
        datto = DattoSimulator.builder(data())
                .throttleEvery(3)
                .flakyEvery(3)
                .tokenRequestLimit(3)
                .start();
        config = writeConfig(datto.apiSecret());
    }

    @AfterEach
    void stopSimulator() {
        datto.close();
    }

    private Path writeConfig(String apiSecret) throws IOException {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/datto-key"), datto.apiKey() + "\n");
        Files.writeString(dir.resolve("secrets/datto-secret"), apiSecret + "\n");
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
                  datto:
                    type: datto-rmm
                    base-url: %s
                    credentials: { api-key: "file:secrets/datto-key", api-secret: "file:secrets/datto-secret" }
                    stale-after-days: 30
                    asset-classes: { Tablet: workstation }
                    page-size: 2
                    retry: { max-attempts: 3, backoff-millis: 20, max-wait-seconds: 5 }

                customers:
                  acme:
                    name: Acme Dental
                    tax: { rate: "8.25", category: S }
                    address: { line1: 9 Elm Rd, city: Springfield, postal-code: "12345" }
                    sources: { datto: "site-acme" }
                  beta:
                    name: Beta Law LLP
                    tax: { rate: "0", category: Z }
                    address: { line1: 4 Court Sq, city: Shelbyville }
                    sources: { datto: "site-beta" }

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
                        .formatted(datto.baseUrl());
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

    private void assertHandComputedTotals() throws IOException {
        JsonNode invoices = read("invoices.json");
        assertThat(Exports.invoiceOf(invoices, "acme").get("total").asText()).isEqualTo("389.70");
        assertThat(Exports.invoiceOf(invoices, "beta").get("total").asText()).isEqualTo("100.00");
    }

    @Test
    void cycle_billsTheDattoEstateAsComputedByHand() throws IOException {
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        JsonNode invoices = read("invoices.json");
        assertThat(invoices.get("invoices")).hasSize(2);

        // Acme: workstations 1001, 1002, 1003 (tablet, by override); servers 1004 and the ESXi host 1005; 1006
        // (deleted) and 1007 (suspended) are not managed, 1008 is network, 1009 is stale.
        // 3 × 40.00 + 2 × 120.00 = 360.00; tax 8.25% = 29.70.
        JsonNode acme = Exports.invoiceOf(invoices, "acme");
        assertThat(Exports.lines(acme))
                .containsExactly("workstations 3 x 40.00 = 120.00", "servers 2 x 120.00 = 240.00");
        assertThat(acme.get("subtotal").asText()).isEqualTo("360.00");
        assertThat(acme.get("tax").asText()).isEqualTo("29.70");
        assertThat(acme.get("total").asText()).isEqualTo("389.70");

        // Beta: one laptop (the phone is mobile), minimum 2: 2 × 50.00.
        JsonNode beta = Exports.invoiceOf(invoices, "beta");
        assertThat(Exports.lines(beta)).containsExactly("workstations 2 x 50.00 = 100.00");
        assertThat(beta.get("total").asText()).isEqualTo("100.00");

        assertThat(new Exports(dir.resolve("out")).reconciliation()).contains("UNMAPPED_ORGANIZATION - site-bob");
        assertThat(new Exports(dir.resolve("out")).reconciliation())
                .anySatisfy(item -> assertThat(item).startsWith("STALE_ASSET acme"));
        // One token; 3 sites in pages of 2 (2 requests); Acme's 9 devices in 5 pages, Beta's 2 in 1, Bob's 1 in 1.
        assertThat(datto.requests()).extracting(ServedRequest::status).containsOnly(200);
        assertThat(datto.requestCount(Endpoint.TOKEN)).isEqualTo(1);
        assertThat(datto.requestCount(Endpoint.SITES)).isEqualTo(2);
        assertThat(datto.requests().stream().filter(r -> r.path().equals("/api/v2/site/site-acme/devices")))
                .extracting(ServedRequest::query)
                .containsExactly("max=2", "max=2&page=1", "max=2&page=2", "max=2&page=3", "max=2&page=4");
        assertThat(datto.requests()).hasSize(10);
    }

    @Test
    void throttledSource_waitsTheRetryAfter_neverEarnsTheIpBlock_andBillsTheSame() throws IOException {
        datto.mode(Mode.THROTTLE);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        List<ServedRequest> requests = datto.requests();
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
        assertThat(requests).extracting(ServedRequest::status).doesNotContain(403);
        assertThat(run.stdout()).contains(throttled + " throttled");
        assertHandComputedTotals();
    }

    @Test
    void flakyServerErrors_areRetried_withTheSameTotals() throws IOException {
        datto.mode(Mode.FLAKY_5XX);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        assertThat(datto.requests()).extracting(ServedRequest::status).contains(503);
        assertHandComputedTotals();
    }

    @Test
    void tokenExpiringMidRun_isRenewed_withTheSameTotals() throws IOException {
        datto.mode(Mode.TOKEN_EXPIRY);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        // 9 data requests at 3 per token: the connector met 401 and fetched a new token each time.
        assertThat(datto.requests()).extracting(ServedRequest::status).contains(401);
        assertThat(datto.requestCount(Endpoint.TOKEN)).isGreaterThanOrEqualTo(3);
        assertHandComputedTotals();
    }

    @Test
    void failingSource_givesSourceFailed_noZeroInvoice_exitCode3() throws IOException {
        datto.mode(Mode.FAIL_5XX);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(read("invoices.json").get("invoices")).isEmpty();
        assertThat(new Exports(dir.resolve("out")).reconciliation())
                .containsExactlyInAnyOrder("SOURCE_FAILED acme ", "SOURCE_FAILED beta ");
    }

    @Test
    void malformedPage_failsTheSource_namingUrlAndPage() throws IOException {
        datto.mode(Mode.MALFORMED_PAGE);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.stderr())
                .contains("/api/v2/site/site-acme/devices?max=2&page=1")
                .containsIgnoringCase("page 2");
        assertThat(read("invoices.json").get("invoices")).isEmpty();
    }

    @Test
    void refusedApiSecret_failsTheSource_withDattosCode_withoutPrintingTheSecret() throws IOException {
        config = writeConfig("a-revoked-secret");
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.stdout() + run.stderr()).contains("invalid_grant").doesNotContain("a-revoked-secret");
        assertThat(read("invoices.json").get("invoices")).isEmpty();
        assertThat(datto.requests()).singleElement().satisfies(r -> {
            assertThat(r.endpoint()).isEqualTo(Endpoint.TOKEN);
            assertThat(r.status()).isEqualTo(400);
        });
    }
}
