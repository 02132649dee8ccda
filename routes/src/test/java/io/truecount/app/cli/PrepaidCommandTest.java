package io.truecount.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code truecount prepaid} reads the balances a cycle exported; it needs no database. */
class PrepaidCommandTest {

    private static final String EXPORT =
            """
            {"period": "2026-10", "balances": [
              {"customer": "acme", "contract": "acme-support", "line": "hours", "balance": "6.25", "months": [
                {"month": "2026-09", "opening": "0", "toppedUp": "10", "used": "2.5", "overage": "0", "closing": "7.5"},
                {"month": "2026-10", "opening": "7.5", "toppedUp": "0", "used": "1.25", "overage": "0", "closing": "6.25"}
              ]},
              {"customer": "beta", "contract": "beta-support", "line": "block", "balance": "-1.75", "months": [
                {"month": "2026-10", "opening": "0", "toppedUp": "0", "used": "1.75", "overage": "0", "closing": "-1.75"}
              ]}
            ]}
            """;

    @TempDir
    Path dir;

    private Path config;
    private Path out;

    @BeforeEach
    void export() throws IOException {
        config = CliFixture.writeConfig(dir);
        out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("prepaid-hours.json"), EXPORT);
    }

    private CliFixture.Result prepaid(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "prepaid";
        all[1] = "--config";
        all[2] = config.toString();
        all[3] = "--out";
        all[4] = out.toString();
        System.arraycopy(args, 0, all, 5, args.length);
        return CliFixture.run(all);
    }

    @Test
    void printsEachBalance_withItsMonths() {
        CliFixture.Result result = prepaid("--period", "2026-10");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("acme (Acme Dental)  acme-support / hours  balance 6.25 h")
                .containsPattern("2026-09 +0 +10 +2.5 +0 +7.5\n")
                .containsPattern("2026-10 +7.5 +0 +1.25 +0 +6.25\n")
                .contains("beta (Beta Bakery)  beta-support / block  balance -1.75 h");
    }

    @Test
    void customerOption_showsOnlyThatCustomer() {
        CliFixture.Result result = prepaid("--period", "2026-10", "--customer", "beta");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("beta-support").doesNotContain("acme");
    }

    @Test
    void unknownCustomer_isACommandLineError() {
        CliFixture.Result result = prepaid("--period", "2026-10", "--customer", "nobody");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(result.err()).contains("--customer: no customer 'nobody' in");
    }

    @Test
    void exportOfAnotherPeriod_isOneErrorLine_naming_theCycleToRun() {
        CliFixture.Result result = prepaid("--period", "2026-11");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err().lines().toList())
                .singleElement()
                .asString()
                .startsWith("error: " + out.resolve("prepaid-hours.json") + " is for 2026-10, not 2026-11")
                .contains("truecount cycle --period 2026-11");
    }

    @Test
    void missingExport_isOneErrorLine() throws IOException {
        Files.delete(out.resolve("prepaid-hours.json"));

        CliFixture.Result result = prepaid("--period", "2026-10");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err().lines().toList())
                .containsExactly("error: no " + out.resolve("prepaid-hours.json")
                        + ": run `truecount cycle` with --out " + out + " first");
    }
}
