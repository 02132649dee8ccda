package io.truecount.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.contract.BillingTiming;
import io.truecount.core.contract.FlatLine;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractsTest {

    private static final String CUSTOMER = "customers:\n  acme: { name: Acme }\n";

    @TempDir
    Path dir;

    @Test
    void lineIds_defaultToPositionAndMustBeUnique() {
        List<String> errors = new TestConfigs(dir)
                .errorsOfRoot(
                        CUSTOMER
                                + """
                contracts:
                  - id: c
                    customer: acme
                    start: 2026-01-01
                    cycle: monthly
                    lines:
                      - { id: "2", type: flat, amount: 1 }
                      - { type: flat, amount: 1 }
                """);

        assertThat(errors)
                .containsExactly("truecount.yaml:10:9: duplicate line id '2' in contract 'c' (first at"
                        + " truecount.yaml:9:15)");
    }

    @Test
    void lineKeys_areThoseOfItsType() {
        List<String> errors = new TestConfigs(dir)
                .errorsOfRoot(
                        CUSTOMER
                                + """
                contracts:
                  - id: c
                    customer: acme
                    start: 2026-01-01
                    cycle: monthly
                    lines:
                      - { type: flat, unit-price: 1, taxable: yes }
                      - { type: per-asset, asset-classes: [], amount: 1 }
                """);

        assertThat(errors)
                .containsExactly(
                        "truecount.yaml:9:9: missing required key 'amount' in line 1 of contract 'c'",
                        "truecount.yaml:9:23: unknown key 'unit-price' in line 1 of contract 'c'; allowed: type, id,"
                                + " description, taxable, amount",
                        "truecount.yaml:9:47: 'taxable' must be true or false: 'yes'",
                        "truecount.yaml:10:9: missing required key 'unit-price' in line 2 of contract 'c'",
                        "truecount.yaml:10:28: 'asset-classes' in line 2 of contract 'c' must name at least one"
                                + " class",
                        "truecount.yaml:10:47: unknown key 'amount' in line 2 of contract 'c'; allowed: type, id,"
                                + " description, taxable, asset-classes, count, unit-price, minimum-quantity,"
                                + " contracted-quantity");
    }

    @Test
    void contractWithoutRequiredKeys_namesEachOfThem() {
        List<String> errors = new TestConfigs(dir)
                .errorsOfRoot(
                        CUSTOMER
                                + """
                contracts:
                  - customer: acme
                    minimum-monthly-amount: "-5"
                """);

        assertThat(errors)
                .containsExactly(
                        "truecount.yaml:4:5: missing required key 'id' in contract #1",
                        "truecount.yaml:4:5: missing required key 'start' in contract #1",
                        "truecount.yaml:4:5: missing required key 'cycle' in contract #1",
                        "truecount.yaml:4:5: missing required key 'lines' in contract #1",
                        "truecount.yaml:5:29: 'minimum-monthly-amount' must not be negative: '-5'");
    }

    @Test
    void billing_defaultsToAdvance_andAmountsKeepTheirText() throws ConfigException {
        TruecountConfig config = new TestConfigs(dir)
                .loadRoot(
                        CUSTOMER
                                + """
                contracts:
                  - id: c
                    customer: acme
                    start: 2026-01-01
                    cycle: monthly
                    lines:
                      - { type: flat, amount: 0.10, description: Backup, taxable: false }
                """);

        assertThat(config.contracts().get(0).timing()).isEqualTo(BillingTiming.ADVANCE);
        assertThat(config.contracts().get(0).lines())
                .containsExactly(new FlatLine("1", "Backup", false, new BigDecimal("0.10")));
    }
}
