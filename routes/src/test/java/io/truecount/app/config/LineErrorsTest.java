package io.truecount.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in the lines of a contract, each reported at the place an admin has to fix. Lines start at line 9. */
class LineErrorsTest {

    private static final String CONTRACT =
            """
            customers:
              acme: { name: Acme }
            contracts:
              - id: c
                customer: acme
                start: 2026-01-01
                cycle: monthly
                lines:
            """;

    @TempDir
    Path dir;

    private List<String> errors(String lines) {
        return new TestConfigs(dir).errorsOfRoot(CONTRACT + lines.indent(6));
    }

    @Test
    void perLicense_withUnitPriceAndCost_namesBothForms() {
        assertThat(
                        errors(
                                """
                        - { type: per-license, sku: A, unit-price: 1, cost: 1, markup-percent: 5 }
                        """))
                .containsExactly("truecount.yaml:9:53: give either 'unit-price' or 'cost' and 'markup-percent' in"
                        + " line 1 of contract 'c', not both");
    }

    @Test
    void perLicense_withoutPriceOrSku_namesWhatIsMissing() {
        assertThat(
                        errors(
                                """
                        - { type: per-license, count: bought }
                        - { type: per-license, sku: A, cost: 10 }
                        """))
                .containsExactly(
                        "truecount.yaml:9:9: missing required key 'sku' or 'skus' in line 1 of contract 'c'",
                        "truecount.yaml:9:9: missing price in line 1 of contract 'c': give 'unit-price', or 'cost'"
                                + " and 'markup-percent'",
                        "truecount.yaml:9:37: unknown count 'bought'; allowed: assigned, purchased",
                        "truecount.yaml:10:9: missing required key 'markup-percent' in line 2 of contract 'c'");
    }

    @Test
    void skuAndSkus_areOneOrTheOther_andSkusAreListedOnce() {
        assertThat(
                        errors(
                                """
                        - { type: per-license, sku: A, skus: [B], unit-price: 1 }
                        - { type: per-license, skus: [A, B, A], unit-price: 1 }
                        """))
                .containsExactly(
                        "truecount.yaml:9:38: give either 'sku' or 'skus' in line 1 of contract 'c', not both",
                        "truecount.yaml:10:43: SKU 'A' is listed twice in 'skus'");
    }

    @Test
    void countOfAnAssetLine_namesTheAssetCounts() {
        assertThat(
                        errors(
                                """
                        - { type: per-asset, asset-classes: [server], unit-price: 1, count: max }
                        - { type: tiered, asset-classes: [server], count: assigned, mode: volume, tiers: [{ unit-price: 1 }] }
                        """))
                .containsExactly(
                        "truecount.yaml:9:75: unknown count 'max'; allowed: period-end, peak, average",
                        "truecount.yaml:10:57: unknown count 'assigned'; allowed: period-end, peak, average");
    }

    @Test
    void tiersOutOfOrder_isReportedAtTheOffendingTier() {
        assertThat(
                        errors(
                                """
                        - type: tiered
                          asset-classes: [workstation]
                          mode: graduated
                          tiers:
                            - { up-to: 20, unit-price: 10 }
                            - { up-to: 20, unit-price: 8 }
                            - { up-to: 15, unit-price: 7 }
                            - { unit-price: 6 }
                        """))
                .containsExactly(
                        "truecount.yaml:14:22: 'up-to' 20 of tier 2 of line 1 of contract 'c' must be above the"
                                + " 'up-to' 20 of tier 1",
                        "truecount.yaml:15:22: 'up-to' 15 of tier 3 of line 1 of contract 'c' must be above the"
                                + " 'up-to' 20 of tier 1");
    }

    @Test
    void tierWithoutUpToInTheMiddle_andLastTierWithUpTo_areReportedAtTheirTiers() {
        assertThat(
                        errors(
                                """
                        - type: tiered
                          sku: SPE_E3
                          mode: volume
                          tiers:
                            - { up-to: 10, unit-price: 10 }
                            - { unit-price: 8 }
                            - { up-to: 0, unit-price: 7 }
                            - { up-to: 40, unit-price: 6 }
                        """))
                .containsExactly(
                        "truecount.yaml:14:13: tier 2 of line 1 of contract 'c' needs 'up-to': only the last tier is"
                                + " open-ended",
                        "truecount.yaml:15:22: 'up-to' must be above 0: '0'",
                        "truecount.yaml:16:15: the last tier of line 1 of contract 'c' must not have 'up-to': it"
                                + " prices every unit above the tier before it");
    }

    @Test
    void tieredLine_withUnknownKey_listsTheKeysOfTieredLines_andNeedsOneMeasure() {
        assertThat(
                        errors(
                                """
                        - { id: t, type: tiered, unit-price: 5, mode: stepped, tiers: [] }
                        - { type: tiered, asset-classes: [server], sku: A, mode: volume, tiers: [{ unit-price: 1 }] }
                        """))
                .containsExactly(
                        "truecount.yaml:9:9: missing what line 't' of contract 'c' counts: give 'asset-classes', or"
                                + " 'sku' or 'skus'",
                        "truecount.yaml:9:32: unknown key 'unit-price' in line 't' of contract 'c'; allowed: type, id,"
                                + " description, taxable, asset-classes, sku, skus, count, mode, tiers",
                        "truecount.yaml:9:53: unknown mode 'stepped'; allowed: graduated, volume",
                        "truecount.yaml:9:62: 'tiers' in line 't' of contract 'c' must have at least one tier",
                        "truecount.yaml:10:50: give either 'asset-classes' or 'sku'/'skus' in line 2 of contract 'c',"
                                + " not both");
    }

    @Test
    void blockAndPrepaidLines_drawingTheSameWorkType_nameBothLines() {
        assertThat(
                        errors(
                                """
                        - { id: block, type: block-hours, hours: 10, price: 900, overage-rate: 110, work-types: [Remote, Onsite] }
                        - { id: prepaid, type: prepaid-hours, work-types: [Project, Onsite] }
                        - { id: other, type: prepaid-hours, work-types: [Training] }
                        """))
                .containsExactly("truecount.yaml:10:45: line 'prepaid' of contract 'c' and line 'block' of contract"
                        + " 'c' (at truecount.yaml:9:9) both draw work type 'Onsite': the same time entry would be"
                        + " drawn twice; give each block-hours or prepaid-hours line its own 'work-types'");
    }

    @Test
    void blockAndPrepaidLines_bothWithoutWorkTypes_drawEveryWorkType() {
        assertThat(
                        errors(
                                """
                        - { type: block-hours, hours: 10, price: 900, overage-rate: 110 }
                        - { type: time-and-materials, default-rate: 150 }
                        - { type: prepaid-hours, opening-hours: 10 }
                        """))
                .containsExactly("truecount.yaml:11:9: line 3 of contract 'c' and line 1 of contract 'c' (at"
                        + " truecount.yaml:9:9) both draw every work type: the same time entry would be drawn twice;"
                        + " give each block-hours or prepaid-hours line its own 'work-types'");
    }

    @Test
    void increments_mustBePositiveWholeMinutes() {
        assertThat(
                        errors(
                                """
                        - { type: time-and-materials, default-rate: 150, increment-minutes: -15 }
                        - { type: prepaid-hours, increment-minutes: 0 }
                        """))
                .containsExactly(
                        "truecount.yaml:9:75: 'increment-minutes' must be a whole number of at least 1: '-15'",
                        "truecount.yaml:10:51: 'increment-minutes' must be a whole number of at least 1: '0'");
    }

    @Test
    void timeAndMaterials_rulesNeedARateAndSomethingToMatch() {
        assertThat(
                        errors(
                                """
                        - type: time-and-materials
                          rates:
                            - { work-type: Onsite }
                            - { rate: 99 }
                            - { ticket: 7, rate: 1 }
                        """))
                .containsExactly(
                        "truecount.yaml:9:9: missing required key 'default-rate' in line 1 of contract 'c'",
                        "truecount.yaml:11:13: missing required key 'rate' in rate 1 of line 1 of contract 'c'",
                        "truecount.yaml:12:13: rate 2 of line 1 of contract 'c' names no 'work-type', 'priority' or"
                                + " 'category' and would match every entry; give that rate as 'default-rate'",
                        "truecount.yaml:13:13: rate 3 of line 1 of contract 'c' names no 'work-type', 'priority' or"
                                + " 'category' and would match every entry; give that rate as 'default-rate'",
                        "truecount.yaml:13:15: unknown key 'ticket' in rate 3 of line 1 of contract 'c'; allowed:"
                                + " work-type, priority, category, rate");
    }

    @Test
    void prepaidTopUps_needDateAndHours_withinTheContract() {
        assertThat(
                        errors(
                                """
                        - type: prepaid-hours
                          work-types: []
                          top-ups:
                            - { date: 2025-12-31, hours: 10 }
                            - { hours: -1, price: 100 }
                        """))
                .containsExactly(
                        "truecount.yaml:10:9: 'work-types' in line 1 of contract 'c' must name at least one work"
                                + " type; omit it for all",
                        "truecount.yaml:12:21: top-up 1 of line 1 of contract 'c' is dated 2025-12-31, before the"
                                + " contract's start 2026-01-01",
                        "truecount.yaml:13:13: missing required key 'date' in top-up 2 of line 1 of contract 'c'",
                        "truecount.yaml:13:22: 'hours' must be above 0: '-1'");
    }

    @Test
    void blockHours_needHoursPriceAndOverageRate() {
        assertThat(
                        errors(
                                """
                        - { type: block-hours, hours: 0, work-types: [Remote], covered-work-types: [Remote] }
                        """))
                .containsExactly(
                        "truecount.yaml:9:9: missing required key 'price' in line 1 of contract 'c'",
                        "truecount.yaml:9:9: missing required key 'overage-rate' in line 1 of contract 'c'",
                        "truecount.yaml:9:37: 'hours' must be above 0: '0'",
                        "truecount.yaml:9:62: unknown key 'covered-work-types' in line 1 of contract 'c'; allowed:"
                                + " type, id, description, taxable, hours, price, overage-rate, work-types");
    }
}
