package io.truecount.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.connector.ConnectorSettings;
import io.truecount.core.contract.Address;
import io.truecount.core.contract.BillingCycle;
import io.truecount.core.contract.BillingTiming;
import io.truecount.core.contract.Company;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.Customer;
import io.truecount.core.contract.FlatLine;
import io.truecount.core.contract.PerAssetLine;
import io.truecount.core.contract.TaxRule;
import io.truecount.core.invoice.ApprovalPolicy;
import io.truecount.core.observation.AssetClass;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The complete sample in {@code config/valid/} loads into exactly the records it describes. */
class ValidConfigTest {

    private static final Path ROOT = Path.of("src/test/resources/config/valid/truecount.yaml");

    private TruecountConfig config;

    @BeforeEach
    void load() throws ConfigException {
        config = new ConfigLoader(Map.of("NINJA_ID", "ninja-client-id")::get, List.of(FakeConnectorType.ninjaone()))
                .load(ROOT);
    }

    @Test
    void company_isReadWithDefaultPaymentTerms() {
        assertThat(config.file()).isEqualTo(ROOT);
        assertThat(config.company())
                .isEqualTo(new Company(
                        "Zylker Managed Services",
                        Currency.getInstance("USD"),
                        ZoneId.of("America/New_York"),
                        "ZY-",
                        new Address("1 Main St", null, "Springfield", "01234", "IL", "US"),
                        "US123456789",
                        30));
    }

    @Test
    void connectors_keepYamlOrderAndAllSettings() {
        assertThat(config.connectors()).containsOnlyKeys("ninja", "ninja-eu");
        assertThat(config.connectors().keySet()).containsExactly("ninja", "ninja-eu");
        ConnectorSettings ninja = config.connectors().get("ninja");
        assertThat(ninja.type()).isEqualTo("ninjaone");
        assertThat(ninja.baseUrl()).isEqualTo(URI.create("https://app.ninjarmm.com"));
        assertThat(ninja.authUrl()).isNull();
        assertThat(ninja.schedule()).isEqualTo("0 0 2 * * ?");
        assertThat(ninja.staleAfterDays()).isEqualTo(30);
        assertThat(ninja.assetClasses())
                .isEqualTo(Map.of("VMWARE_VM_GUEST", AssetClass.SERVER, "CLOUD_MONITOR_TARGET", AssetClass.NETWORK));
        assertThat(ninja.requestsPerSecond()).isEqualTo(2.5);
        assertThat(ninja.options())
                .isEqualTo(Map.of(
                        "retry.max-attempts", "5",
                        "retry.backoff-millis", "500",
                        "retry.max-wait-seconds", "60",
                        "circuit.minimum-calls", "20",
                        "circuit.open-seconds", "90",
                        "timeout-seconds", "20",
                        "page-size", "500"));
    }

    @Test
    void credentials_resolveFromEnvFileAndLiteralWithTheirOrigin() {
        ConnectorSettings ninja = config.connectors().get("ninja");
        assertThat(ninja.credentials()).containsOnlyKeys("client-id", "client-secret");
        assertThat(ninja.credential("client-id").reveal()).isEqualTo("ninja-client-id");
        assertThat(ninja.credential("client-id").origin()).isEqualTo("env NINJA_ID");
        assertThat(ninja.credential("client-secret").reveal()).isEqualTo("s3cret-from-file");
        assertThat(ninja.credential("client-secret").origin()).isEqualTo("file secrets/ninja-secret.txt");

        ConnectorSettings eu = config.connectors().get("ninja-eu");
        assertThat(eu.baseUrl()).isEqualTo(URI.create("https://eu.ninjarmm.com"));
        assertThat(eu.authUrl()).isEqualTo(URI.create("https://eu.ninjarmm.com/ws/oauth/token"));
        assertThat(eu.credential("client-id").reveal()).isEqualTo("eu-client");
        assertThat(eu.credential("client-id").origin()).isEqualTo("literal");
        assertThat(eu.credential("client-secret").reveal()).isEqualTo("fallback-eu-secret");
        assertThat(eu.credential("client-secret").origin()).isEqualTo("env NINJA_EU_SECRET");
        assertThat(eu.schedule()).isNull();
        assertThat(eu.staleAfterDays()).isNull();
        assertThat(eu.requestsPerSecond()).isNull();
        assertThat(eu.assetClasses()).isEmpty();
        assertThat(eu.options()).isEmpty();
    }

    @Test
    void customers_includedFilesFollowTheRootAndDefaultsApply() {
        assertThat(config.customers().keySet()).containsExactly("acme", "globex", "initech");
        assertThat(config.customers().get("acme"))
                .isEqualTo(new Customer(
                        "acme",
                        "Acme Dental",
                        Currency.getInstance("USD"),
                        new TaxRule(new BigDecimal("8.25"), "S", null),
                        new Address("9 Elm Rd", null, "Springfield", null, null, "US"),
                        Map.of("ninja", List.of("12"), "ninja-eu", List.of("19", "20")),
                        Map.of(),
                        new BigDecimal("25")));
        assertThat(config.customers().get("globex"))
                .isEqualTo(new Customer(
                        "globex",
                        "Globex North",
                        Currency.getInstance("EUR"),
                        new TaxRule(BigDecimal.ZERO, "E", "Reverse charge"),
                        new Address("Hauptstr. 1", null, "Berlin", null, null, "DE"),
                        Map.of(),
                        Map.of(),
                        null));
        assertThat(config.customers().get("initech"))
                .isEqualTo(new Customer(
                        "initech",
                        "Initech",
                        Currency.getInstance("USD"),
                        TaxRule.NONE,
                        new Address(null, null, null, null, null, "US"),
                        Map.of("ninja", List.of("7")),
                        Map.of(),
                        null));
    }

    @Test
    void contracts_rootFirstThenIncludedFilesInPathOrder() {
        assertThat(config.contracts())
                .extracting(Contract::id)
                .containsExactly("acme-managed", "globex-backup", "initech-annual");
    }

    @Test
    void contract_readsEveryFieldAndDerivesLineIdsAndDescriptions() {
        Contract acme = config.contracts().get(0);
        assertThat(acme)
                .isEqualTo(new Contract(
                        "acme-managed",
                        "acme",
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 12, 31),
                        BillingCycle.MONTHLY,
                        BillingTiming.ARREARS,
                        new BigDecimal("500.00"),
                        List.of(
                                new PerAssetLine(
                                        "workstations",
                                        "Managed workstation",
                                        true,
                                        Set.of(AssetClass.WORKSTATION),
                                        new BigDecimal("45.10"),
                                        new BigDecimal("10"),
                                        new BigDecimal("20")),
                                new PerAssetLine(
                                        "2",
                                        "Managed server, network",
                                        false,
                                        Set.of(AssetClass.SERVER, AssetClass.NETWORK),
                                        new BigDecimal("0.30"),
                                        null,
                                        null),
                                new FlatLine("3", "Monitoring", true, new BigDecimal("0.1")))));
    }

    @Test
    void contract_withoutBillingIsInAdvanceAndOpenEnded() {
        assertThat(config.contracts().get(1))
                .isEqualTo(new Contract(
                        "globex-backup",
                        "globex",
                        LocalDate.of(2026, 3, 15),
                        null,
                        BillingCycle.QUARTERLY,
                        BillingTiming.ADVANCE,
                        null,
                        List.of(new FlatLine("1", "Flat fee", true, new BigDecimal("120")))));
    }

    @Test
    void decimals_keepTheScaleAsWrittenAndAddWithoutFloatError() {
        PerAssetLine workstations =
                (PerAssetLine) config.contracts().get(0).lines().get(0);
        assertThat(workstations.unitPrice().toPlainString()).isEqualTo("45.10");
        FlatLine monitoring = (FlatLine) config.contracts().get(0).lines().get(2);
        PerAssetLine mobile = (PerAssetLine) config.contracts().get(2).lines().get(0);
        assertThat(monitoring.amount().add(mobile.unitPrice()).toPlainString()).isEqualTo("0.3");
    }

    @Test
    void approval_isReadExactly() {
        assertThat(config.approval()).isEqualTo(new ApprovalPolicy(true, new BigDecimal("2.5")));
    }

    @Test
    void sources_areTheSourceConnectorsInPriorityOrder() {
        assertThat(config.sources()).extracting(ConnectorSettings::id).containsExactly("ninja", "ninja-eu");
    }
}
