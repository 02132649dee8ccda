package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An admin's broken YAML: every error at once, with file, line and column, exit code 2, and nothing run. */
class InvalidConfigIT {

    @TempDir
    Path dir;

    private Path writeBrokenConfig() throws IOException {
        Path file = dir.resolve("truecount.yaml");
        Files.writeString(
                file,
                """
                company:
                  name: Zylker
                  currency: USDX
                  timezone: America/New_York
                  invoice-prefix: ZY-
                  address: { line1: 1 Main St, city: Springfield, country: US }
                  tax-id: US123
                connectors:
                  ninja:
                    type: ninjaone
                    credentials: { client-id: abc, client-secret: hunter2 }
                customers:
                  acme:
                    name: Acme
                    sources: { ninja: "12" }
                contracts:
                  - id: c1
                    customer: acme
                    start: 2026-01-01
                    cycle: montly
                    lines:
                      - { type: flat, amount: "10.00", colour: blue }
                """);
        return file;
    }

    private static List<String> errorLines(CliRun run) {
        return run.stderr().lines().filter(l -> l.contains(".yaml:")).toList();
    }

    @Test
    void validate_reportsEveryErrorWithPosition_andExits2() throws IOException {
        Path file = writeBrokenConfig();
        CliRun run = CliRun.of("validate", "--config", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(errorLines(run))
                .anySatisfy(l -> assertThat(l).startsWith(file + ":3:13: ").contains("USDX"))
                .anySatisfy(l -> assertThat(l).startsWith(file + ":11:51: ").contains("client-secret"))
                .anySatisfy(l -> assertThat(l).startsWith(file + ":20:12: ").contains("monthly, quarterly, annual"))
                .anySatisfy(l -> assertThat(l).startsWith(file + ":22:40: ").contains("colour"));
        assertThat(run.stderr()).doesNotContain("hunter2").doesNotContain("Exception");
    }

    @Test
    void cycle_withInvalidConfig_exits2_beforeTouchingAnything() throws IOException {
        Path file = writeBrokenConfig();
        Path out = dir.resolve("out");
        CliRun run = CliRun.of(
                "cycle",
                "--config",
                file.toString(),
                "--period",
                "2026-10",
                "--out",
                out.toString(),
                "--data-dir",
                dir.resolve("data").toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(errorLines(run)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
