package io.truecount.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.contract.BlockHoursLine;
import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.CountMode;
import io.truecount.core.contract.LicenseBasis;
import io.truecount.core.contract.Measure;
import io.truecount.core.contract.PerAssetLine;
import io.truecount.core.contract.PerLicenseLine;
import io.truecount.core.contract.PerUserLine;
import io.truecount.core.contract.PrepaidHoursLine;
import io.truecount.core.contract.TieredLine;
import io.truecount.core.contract.TimeAndMaterialsLine;
import io.truecount.core.contract.TimeAndMaterialsLine.RateRule;
import io.truecount.core.observation.AssetClass;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One contract with a line of every type, written as an admin would, loads into exactly these records. */
class LineTypesTest {

    private static final String CONFIG =
            """
            customers:
              acme: { name: Acme }
            contracts:
              - id: everything
                customer: acme
                start: 2026-01-01
                end: 2026-12-31
                cycle: monthly
                lines:
                  - { id: servers, type: per-asset, asset-classes: [server], unit-price: 95, count: peak }
                  - { id: desktops, type: per-asset, asset-classes: [workstation], unit-price: 45 }
                  - id: e3
                    type: per-license
                    sku: SPE_E3
                    unit-price: "36.00"
                    minimum-quantity: 5
                  - id: resold
                    type: per-license
                    skus: [EXCHANGESTANDARD, O365_BUSINESS_PREMIUM]
                    count: purchased
                    cost: 12.50
                    markup-percent: "15"
                    contracted-quantity: 40
                    taxable: false
                  - id: users
                    type: per-user
                    unit-price: 20.00
                    skus: [SPE_E3]
                    exclude-upn: ["svc-*@acme.com", "scanner@acme.com"]
                    contracted-quantity: 30
                  - type: per-user
                    unit-price: 3
                  - id: devices
                    type: tiered
                    asset-classes: [workstation, server]
                    count: average
                    mode: graduated
                    tiers:
                      - { up-to: 10, unit-price: 10.00 }
                      - { up-to: 20, unit-price: 8.00 }
                      - { unit-price: 6.00 }
                  - id: seats
                    type: tiered
                    skus: [SPE_E5]
                    mode: volume
                    tiers: [{ up-to: 50, unit-price: 50 }, { unit-price: 45 }]
                  - id: block
                    type: block-hours
                    hours: 10
                    price: "900.00"
                    overage-rate: 110
                    work-types: [Remote, Onsite]
                  - id: tm
                    type: time-and-materials
                    rates:
                      - { work-type: Onsite, priority: Critical, rate: 225 }
                      - { category: Projects, rate: "175.50" }
                    default-rate: 150
                    increment-minutes: 6
                    covered-work-types: [Monitoring]
                  - id: prepaid
                    type: prepaid-hours
                    description: Project hours
                    opening-hours: 4.5
                    top-ups:
                      - { date: 2026-03-01, hours: 20, price: "2000.00" }
                      - { date: 2026-02-15, hours: 2 }
                    overage-rate: 160
                    work-types: [Project]
                  - { type: prepaid-hours, work-types: [Training] }
            """;

    @TempDir
    Path dir;

    private List<ContractLine> lines;

    @BeforeEach
    void load() throws ConfigException {
        lines = new TestConfigs(dir).loadRoot(CONFIG).contracts().get(0).lines();
    }

    @Test
    void perAsset_readsItsCountModeAndDefaultsToPeriodEnd() {
        assertThat(line("servers"))
                .isEqualTo(new PerAssetLine(
                        "servers",
                        "Managed server",
                        true,
                        Set.of(AssetClass.SERVER),
                        new BigDecimal("95"),
                        null,
                        null,
                        CountMode.PEAK));
        assertThat(((PerAssetLine) line("desktops")).count()).isEqualTo(CountMode.PERIOD_END);
    }

    @Test
    void perLicense_withOneSku_countsAssignedAtItsUnitPrice() {
        assertThat(line("e3"))
                .isEqualTo(new PerLicenseLine(
                        "e3",
                        "Microsoft 365 SPE_E3",
                        true,
                        List.of("SPE_E3"),
                        LicenseBasis.ASSIGNED,
                        new BigDecimal("36.00"),
                        null,
                        null,
                        new BigDecimal("5"),
                        null));
    }

    @Test
    void perLicense_withSkusAndCost_keepsCostAndMarkupExactly() {
        assertThat(line("resold"))
                .isEqualTo(new PerLicenseLine(
                        "resold",
                        "Microsoft 365 EXCHANGESTANDARD, O365_BUSINESS_PREMIUM",
                        false,
                        List.of("EXCHANGESTANDARD", "O365_BUSINESS_PREMIUM"),
                        LicenseBasis.PURCHASED,
                        null,
                        new BigDecimal("12.50"),
                        new BigDecimal("15"),
                        null,
                        new BigDecimal("40")));
    }

    @Test
    void perUser_readsSkusAndExclusions_andDefaultsToAnyLicence() {
        assertThat(line("users"))
                .isEqualTo(new PerUserLine(
                        "users",
                        "Microsoft 365 users",
                        true,
                        new BigDecimal("20.00"),
                        List.of("SPE_E3"),
                        List.of("svc-*@acme.com", "scanner@acme.com"),
                        null,
                        new BigDecimal("30")));
        PerUserLine any = (PerUserLine) line("6");
        assertThat(any.skus()).isEmpty();
        assertThat(any.excludeUpn()).isEmpty();
        assertThat(any.description()).isEqualTo("Microsoft 365 users");
    }

    @Test
    void tiered_overAssets_keepsTiersInOrderWithAnOpenLastTier() {
        assertThat(line("devices"))
                .isEqualTo(new TieredLine(
                        "devices",
                        "Managed workstation, server",
                        true,
                        new Measure.Assets(Set.of(AssetClass.WORKSTATION, AssetClass.SERVER), CountMode.AVERAGE),
                        TieredLine.Mode.GRADUATED,
                        List.of(
                                new TieredLine.Tier(new BigDecimal("10"), new BigDecimal("10.00")),
                                new TieredLine.Tier(new BigDecimal("20"), new BigDecimal("8.00")),
                                new TieredLine.Tier(null, new BigDecimal("6.00")))));
    }

    @Test
    void tiered_overLicences_countsAssignedByDefault() {
        assertThat(line("seats"))
                .isEqualTo(new TieredLine(
                        "seats",
                        "Microsoft 365 SPE_E5",
                        true,
                        new Measure.Licenses(List.of("SPE_E5"), LicenseBasis.ASSIGNED),
                        TieredLine.Mode.VOLUME,
                        List.of(
                                new TieredLine.Tier(new BigDecimal("50"), new BigDecimal("50")),
                                new TieredLine.Tier(null, new BigDecimal("45")))));
    }

    @Test
    void blockHours_readsItsWorkTypes() {
        assertThat(line("block"))
                .isEqualTo(new BlockHoursLine(
                        "block",
                        "Block of 10 hours",
                        true,
                        new BigDecimal("10"),
                        new BigDecimal("900.00"),
                        new BigDecimal("110"),
                        Set.of("Remote", "Onsite")));
    }

    @Test
    void timeAndMaterials_keepsRulesInOrder() {
        assertThat(line("tm"))
                .isEqualTo(new TimeAndMaterialsLine(
                        "tm",
                        "Time and materials",
                        true,
                        List.of(
                                new RateRule("Onsite", "Critical", null, new BigDecimal("225")),
                                new RateRule(null, null, "Projects", new BigDecimal("175.50"))),
                        new BigDecimal("150"),
                        6,
                        Set.of("Monitoring")));
    }

    @Test
    void prepaidHours_readsTopUpsInDateOrderWithFreeTopUpsAtZero() {
        assertThat(line("prepaid"))
                .isEqualTo(new PrepaidHoursLine(
                        "prepaid",
                        "Project hours",
                        true,
                        new BigDecimal("4.5"),
                        List.of(
                                new PrepaidHoursLine.TopUp(
                                        LocalDate.of(2026, 2, 15), new BigDecimal("2"), BigDecimal.ZERO),
                                new PrepaidHoursLine.TopUp(
                                        LocalDate.of(2026, 3, 1), new BigDecimal("20"), new BigDecimal("2000.00"))),
                        new BigDecimal("160"),
                        15,
                        Set.of("Project")));
    }

    @Test
    void prepaidHours_withoutOptionalKeys_startsEmptyWithoutOverage() {
        assertThat(line("12"))
                .isEqualTo(new PrepaidHoursLine(
                        "12", "Prepaid hours", true, BigDecimal.ZERO, List.of(), null, 15, Set.of("Training")));
    }

    private ContractLine line(String id) {
        return lines.stream()
                .filter(l -> l.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line " + id + " in " + lines));
    }
}
