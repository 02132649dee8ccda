package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.truecount.export.ubl.UblConformance;
import io.truecount.sim.ninjaone.NinjaOneSimulator;
import io.truecount.sim.ninjaone.ServedRequest;
import io.truecount.sim.vendor.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code truecount cycle} end to end: the real command line, the NinjaOne simulator over HTTP, a real PostgreSQL, and
 * the three exports, checked against totals computed by hand for {@link SmallMsp}.
 */
class CycleIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final E2eDatabase postgres = new E2eDatabase();

    private NinjaOneSimulator ninja;
    private Path config;

    @TempDir
    Path dir;

    @BeforeEach
    void startSimulator() throws IOException {
        ninja = NinjaOneSimulator.builder(SmallMsp.data()).throttleEvery(3).start();
        config = SmallMsp.writeConfig(dir, ninja.baseUrl(), ninja.clientId(), ninja.clientSecret());
    }

    @AfterEach
    void stopSimulator() {
        ninja.close();
    }

    private CliRun cycle() {
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
                "--db",
                postgres.jdbcUrl());
    }

    private JsonNode read(String file) throws IOException {
        return JSON.readTree(dir.resolve("out").resolve(file).toFile());
    }

    @Test
    void cycle_billsTheSmallMspAsComputedByHand() throws IOException {
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        JsonNode invoices = read("invoices.json");
        assertThat(invoices.get("period").asText()).isEqualTo("2026-10");
        assertThat(invoices.get("invoices")).hasSize(2);

        // Acme: workstations 101, 102, 103 (106 is 101 re-imaged; 105 is stale; 107 is pending), server 104.
        JsonNode acme = Exports.invoiceOf(invoices, "acme");
        assertThat(Exports.lines(acme))
                .containsExactly(
                        "workstations 3 x 45.00 = 135.00", "servers 1 x 125.00 = 125.00", "backup 1 x 99.00 = 99.00");
        assertThat(acme.get("subtotal").asText()).isEqualTo("359.00");
        assertThat(acme.get("tax").asText()).isEqualTo("29.62"); // 359.00 × 8.25% = 29.6175
        assertThat(acme.get("total").asText()).isEqualTo("388.62");
        assertThat(acme.get("status").asText()).isEqualTo("DRAFT");

        // Beta starts on Oct 15: 17 of 31 days. Workstations: max(2, minimum 5) × 50.00 × 17/31 = 137.0967…
        JsonNode beta = Exports.invoiceOf(invoices, "beta");
        assertThat(Exports.lines(beta))
                .containsExactly("workstations 5 x 50.00 = 137.10", "helpdesk 1 x 200.00 = 109.68");
        assertThat(beta.get("subtotal").asText()).isEqualTo("246.78");
        assertThat(beta.get("tax").asText()).isEqualTo("0.00");
        assertThat(beta.get("total").asText()).isEqualTo("246.78");
        assertThat(beta.get("periodStart").asText()).isEqualTo("2026-10-01");
        assertThat(beta.get("periodEnd").asText()).isEqualTo("2026-10-31");

        List<String> items = new ArrayList<>();
        for (JsonNode item : read("reconciliation.json").get("items")) {
            items.add(item.get("kind").asText() + " " + item.path("customer").asText("-") + " "
                    + item.path("externalId")
                            .asText(item.path("line")
                                    .asText(item.path("assetClass").asText()))
                    + " " + item.path("observed").asText(""));
        }
        assertThat(items)
                .containsExactly(
                        "OVER_BILLED acme workstations 3",
                        "UNMAPPED_ORGANIZATION - 99 2",
                        "UNCONTRACTED_ASSETS beta server 1",
                        "STALE_ASSET acme 105 ",
                        "DUPLICATE_ASSET acme 106 ");

        assertThat(run.stdout()).contains("Invoices", "USD", "635.40", "Discrepancies to review (5)");
    }

    @Test
    void ublInvoices_conformToEn16931_andCarryTheSameTotals() throws IOException {
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode invoices = read("invoices.json");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir.resolve("out/invoices"))) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(invoices.get("invoices").size());
        for (JsonNode invoice : invoices.get("invoices")) {
            byte[] xml = Files.readAllBytes(
                    dir.resolve("out/invoices/" + invoice.get("number").asText() + ".xml"));
            assertThat(UblConformance.errors(xml))
                    .as(invoice.get("number").asText())
                    .isEmpty();
            String text = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text)
                    .contains("<cbc:PayableAmount currencyID=\"USD\">"
                            + invoice.get("total").asText() + "<");
        }
    }

    @Test
    void rerunningThePeriod_keepsTheSameInvoicesAndNumbers() throws IOException {
        assertThat(cycle().exitCode()).isZero();
        String first = Files.readString(dir.resolve("out/invoices.json"));
        CliRun second = cycle();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(Files.readString(dir.resolve("out/invoices.json"))).isEqualTo(first);
        assertThat(read("invoices.json").get("invoices"))
                .extracting(i -> i.get("number").asText())
                .containsExactly("ZY-202610-00001", "ZY-202610-00002");
    }

    @Test
    void throttledSource_isRetriedAfterTheDelayItAskedFor() throws IOException {
        ninja.mode(Mode.THROTTLE);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isZero();

        List<ServedRequest> requests = ninja.requests();
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
                .isEqualTo("388.62");
    }

    @Test
    void failingSource_givesSourceFailed_noZeroInvoice_exitCode3() throws IOException {
        ninja.mode(Mode.FAIL_5XX);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(read("invoices.json").get("invoices")).isEmpty();
        List<String> failed = new ArrayList<>();
        for (JsonNode item : read("reconciliation.json").get("items")) {
            assertThat(item.get("kind").asText()).isEqualTo("SOURCE_FAILED");
            assertThat(item.get("error").asText()).contains("ninja");
            failed.add(item.get("customer").asText());
        }
        assertThat(failed).containsExactly("acme", "beta");
        assertThat(run.stdout()).contains("FAILED");
    }

    @Test
    void malformedPage_failsTheSource_namingUrlAndPage() throws IOException {
        ninja.mode(Mode.MALFORMED_PAGE);
        CliRun run = cycle();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.stderr()).contains("devices-detailed").containsIgnoringCase("page 2");
        assertThat(read("invoices.json").get("invoices")).isEmpty();
    }

    @Test
    void mappings_listEachOrganizationWithItsCustomer_andSuggestNothingItCannotJustify() {
        assertThat(cycle().exitCode()).isZero();
        CliRun run = CliRun.of("mappings", "--config", config.toString(), "--db", postgres.jdbcUrl());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout())
                .contains("ninja (ninjaone): 3 organizations, 2 mapped, 1 not mapped")
                .containsPattern("12 +Acme Dental +-> acme")
                .containsPattern("34 +Beta Law +-> beta")
                .containsPattern("99 +Bob's Bakery +not mapped")
                .doesNotContain("maybe");
    }
}
