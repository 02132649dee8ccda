package io.truecount.sim.msp;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.observation.AssetClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class SampleConfigTest {

    private static final YearMonth PERIOD = YearMonth.of(2026, 3);
    private static final String BASE_URL = "http://localhost:18080";
    private static final String DECIMAL = "\\d+(\\.\\d+)?";

    @TempDir
    Path dir;

    private static SampleMsp msp;
    private Path file;
    private Map<String, Object> yaml;

    @BeforeAll
    static void generate() {
        msp = SampleMsp.generate(42, 40, Instant.parse("2026-03-31T12:00:00Z"));
    }

    @BeforeEach
    void write() throws IOException {
        file = SampleConfig.write(msp, BASE_URL, PERIOD, dir);
        yaml = new Yaml().load(Files.readString(file));
    }

    @Test
    void yaml_hasTheFourTopLevelSectionsOnly() {
        assertThat(file).isEqualTo(dir.resolve("truecount.yaml"));
        assertThat(yaml).containsOnlyKeys("company", "connectors", "customers", "contracts");
    }

    @Test
    void company_hasEveryRequiredKey() {
        Map<String, Object> company = map(yaml.get("company"));

        assertThat(company).containsOnlyKeys("name", "currency", "timezone", "invoice-prefix", "address", "tax-id");
        assertThat(company).containsEntry("currency", "USD").containsEntry("timezone", "America/New_York");
        assertThat(map(company.get("address"))).containsOnlyKeys("line1", "city", "postal-code", "country");
    }

    @Test
    void connector_pointsAtTheSimulatorWithFileSecrets() throws IOException {
        Map<String, Object> ninja = map(map(yaml.get("connectors")).get("ninja"));
        Map<String, Object> credentials = map(ninja.get("credentials"));

        assertThat(map(yaml.get("connectors"))).containsOnlyKeys("ninja");
        assertThat(ninja).containsOnlyKeys("type", "base-url", "credentials", "stale-after-days", "rate-limit");
        assertThat(ninja)
                .containsEntry("type", "ninjaone")
                .containsEntry("base-url", BASE_URL)
                .containsEntry("stale-after-days", 30);
        assertThat(map(ninja.get("rate-limit"))).containsOnlyKeys("per-second");
        assertThat(credentials).containsOnlyKeys("client-id", "client-secret");
        assertThat(secret(credentials.get("client-id")))
                .isEqualTo(msp.ninjaOneClient().clientId());
        assertThat(secret(credentials.get("client-secret")))
                .isEqualTo(msp.ninjaOneClient().clientSecret());
        assertThat(Path.of(((String) credentials.get("client-secret")).substring(5)))
                .isEqualTo(dir.resolve("secrets/ninja-client-secret").toAbsolutePath());
    }

    @Test
    void customers_mapToTheirNinjaOrganizationWithTaxAndAddress() {
        Map<String, Object> customers = map(yaml.get("customers"));

        assertThat(customers.keySet())
                .containsExactlyElementsOf(
                        msp.customers().stream().map(SampleCustomer::id).toList());
        for (SampleCustomer customer : msp.customers()) {
            Map<String, Object> entry = map(customers.get(customer.id()));
            assertThat(entry).containsOnlyKeys("name", "tax", "address", "sources");
            assertThat(entry).containsEntry("name", customer.name());
            assertThat(map(entry.get("sources")))
                    .containsExactly(Map.entry("ninja", String.valueOf(customer.ninjaOrganizationId())));
            assertThat(map(entry.get("tax")))
                    .isEqualTo(
                            customer.taxExempt()
                                    ? Map.of("rate", "0", "category", "Z")
                                    : Map.of("rate", "8.25", "category", "S"));
            assertThat(map(entry.get("address")).get("line1"))
                    .isEqualTo(customer.address().line1());
        }
        assertThat(msp.customers()).anyMatch(SampleCustomer::taxExempt).anyMatch(c -> !c.taxExempt());
    }

    @Test
    void contracts_areMonthlyInAdvanceWithFlatAndPerAssetLinesOnly() {
        List<Map<String, Object>> contracts = contracts();

        assertThat(contracts)
                .extracting(c -> c.get("customer"))
                .containsExactlyElementsOf(
                        msp.customers().stream().map(SampleCustomer::id).toList());
        for (Map<String, Object> contract : contracts) {
            assertThat(Set.of("id", "customer", "start", "end", "cycle", "billing", "lines"))
                    .containsAll(contract.keySet());
            assertThat(contract).containsEntry("cycle", "monthly").containsEntry("billing", "advance");
            for (Map<String, Object> line : lines(contract)) {
                assertLine(line);
            }
        }
    }

    @Test
    void contracts_startAndEndInsideThePeriod_forProration() {
        List<LocalDate> starts =
                contracts().stream().map(c -> date(c.get("start"))).toList();
        List<LocalDate> ends = contracts().stream()
                .filter(c -> c.containsKey("end"))
                .map(c -> date(c.get("end")))
                .toList();

        assertThat(starts).anyMatch(d -> YearMonth.from(d).equals(PERIOD) && d.getDayOfMonth() > 1);
        assertThat(ends).anyMatch(d -> YearMonth.from(d).equals(PERIOD) && d.getDayOfMonth() < PERIOD.lengthOfMonth());
    }

    @Test
    void contractedQuantities_sitBelowAndAboveTheTruth_andSomeMinimumBinds() {
        int below = 0;
        int above = 0;
        int binding = 0;
        for (Map<String, Object> contract : contracts()) {
            DeviceTruth truth = msp.customer((String) contract.get("customer")).truth();
            for (Map<String, Object> line : lines(contract)) {
                if (!"per-asset".equals(line.get("type"))) {
                    continue;
                }
                int observed =
                        truth.billable(AssetClass.fromConfigName(classes(line).get(0)));
                Integer contracted = (Integer) line.get("contracted-quantity");
                Integer minimum = (Integer) line.get("minimum-quantity");
                below += contracted != null && contracted < observed ? 1 : 0;
                above += contracted != null && contracted > observed ? 1 : 0;
                binding += minimum != null && minimum > observed ? 1 : 0;
            }
        }

        assertThat(below).isPositive();
        assertThat(above).isPositive();
        assertThat(binding).isPositive();
    }

    @Test
    void exactlyOneCustomerWithNetworkDevices_hasNoNetworkLine() {
        List<String> uncovered = contracts().stream()
                .filter(c -> msp.customer((String) c.get("customer")).truth().billable(AssetClass.NETWORK) > 0)
                .filter(c -> lines(c).stream().noneMatch(l -> classes(l).contains("network")))
                .map(c -> (String) c.get("customer"))
                .toList();

        assertThat(uncovered).containsExactly(SampleContracts.uncontractedNetworkCustomer(msp.customers()));
    }

    private static void assertLine(Map<String, Object> line) {
        assertThat(line.get("type")).isIn("flat", "per-asset");
        if (line.get("type").equals("flat")) {
            assertThat(line).containsOnlyKeys("id", "type", "description", "amount");
            assertThat(line.get("amount")).isInstanceOf(String.class).asString().matches(DECIMAL);
        } else {
            assertThat(Set.of(
                            "id",
                            "type",
                            "description",
                            "asset-classes",
                            "unit-price",
                            "minimum-quantity",
                            "contracted-quantity"))
                    .containsAll(line.keySet());
            assertThat(line.get("unit-price"))
                    .isInstanceOf(String.class)
                    .asString()
                    .matches(DECIMAL);
            assertThat(classes(line)).isNotEmpty().allMatch(c -> AssetClass.fromConfigName(c) != null);
        }
    }

    private List<Map<String, Object>> contracts() {
        return list(yaml.get("contracts"));
    }

    private static List<Map<String, Object>> lines(Map<String, Object> contract) {
        return list(contract.get("lines"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> classes(Map<String, Object> line) {
        return line.containsKey("asset-classes") ? (List<String>) line.get("asset-classes") : List.of();
    }

    private static String secret(Object reference) throws IOException {
        assertThat(reference).isInstanceOf(String.class).asString().startsWith("file:");
        return Files.readString(Path.of(((String) reference).substring("file:".length())));
    }

    /** SnakeYAML reads a plain {@code 2026-03-16} as a timestamp at midnight UTC. */
    private static LocalDate date(Object value) {
        return value instanceof Date date
                ? LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC)
                : LocalDate.parse(value.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }
}
