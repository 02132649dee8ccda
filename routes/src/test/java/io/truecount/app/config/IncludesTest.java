package io.truecount.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.contract.Contract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code include:} merges files: maps by id, lists in order, and reports what cannot be merged. */
class IncludesTest {

    private static final String CONTRACT =
            """
            contracts:
              - { id: %s, customer: acme, start: 2026-01-01, cycle: monthly, lines: [{ type: flat, amount: 1 }] }
            """;

    @TempDir
    Path dir;

    @Test
    void glob_includesMatchesSortedByPath_afterTheIncludingFile() throws ConfigException {
        TestConfigs configs = new TestConfigs(dir);
        configs.write("contracts/b.yaml", CONTRACT.formatted("b"));
        configs.write("contracts/a.yaml", CONTRACT.formatted("a") + "include: nested/*.yaml\n");
        configs.write("contracts/nested/c.yaml", CONTRACT.formatted("c"));
        configs.write("contracts/notes.txt", "not yaml: [");

        TruecountConfig config = configs.loadRoot(
                """
                include: [contracts/*.yaml]
                customers:
                  acme: { name: Acme }
                """
                        + CONTRACT.formatted("root"));

        assertThat(config.contracts()).extracting(Contract::id).containsExactly("root", "a", "c", "b");
    }

    @Test
    void duplicateIdAcrossFiles_namesBothPlaces() {
        TestConfigs configs = new TestConfigs(dir);
        configs.write(
                "more.yaml",
                """
                connectors:
                  ninja: { type: ninjaone, credentials: { client-id: a, client-secret: "${S:-s}" } }
                """);

        List<String> errors = configs.errorsOfRoot(
                """
                include: more.yaml
                connectors:
                  ninja: { type: ninjaone, credentials: { client-id: a, client-secret: "${S:-s}" } }
                """);

        assertThat(errors)
                .containsExactly("more.yaml:2:3: duplicate connector id 'ninja' (first at truecount.yaml:3:3)");
    }

    @Test
    void includeCycle_isReportedAtTheIncludeThatClosesIt() {
        TestConfigs configs = new TestConfigs(dir);
        configs.write("a.yaml", "include: b.yaml\n");
        configs.write("b.yaml", "include: [a.yaml]\n");

        List<String> errors = configs.errorsOfRoot("include: a.yaml\n");

        assertThat(errors).containsExactly("b.yaml:1:11: include cycle: a.yaml -> b.yaml -> a.yaml");
    }

    @Test
    void fileIncludedTwice_isReportedAtTheSecondInclude() {
        TestConfigs configs = new TestConfigs(dir);
        configs.write("a.yaml", "include: shared.yaml\n");
        configs.write("b.yaml", "include: ./shared.yaml\n");
        configs.write("shared.yaml", "customers: {}\n");

        List<String> errors = configs.errorsOfRoot("include: [a.yaml, b.yaml]\n");

        assertThat(errors).containsExactly("b.yaml:1:10: 'shared.yaml' is already included at a.yaml:1:10");
    }

    @Test
    void missingFileOrEmptyGlob_isReportedAtTheInclude() {
        List<String> errors = new TestConfigs(dir).errorsOfRoot("include: [missing.yaml, contracts/*.yaml]\n");

        assertThat(errors)
                .containsExactly(
                        "truecount.yaml:1:11: cannot read included file 'missing.yaml': no such file",
                        "truecount.yaml:1:25: include 'contracts/*.yaml' matches no file");
    }

    @Test
    void yamlSyntaxErrorInAnIncludedFile_isReportedAtTheParserMark_andTheRestIsStillChecked() {
        TestConfigs configs = new TestConfigs(dir);
        configs.write(
                "broken.yaml",
                """
                customers:
                  acme:
                    name: "Acme
                """);

        List<String> errors = configs.errorsOfRoot(
                """
                include: broken.yaml
                contracts:
                  - { id: x, customer: acme, start: 2026-01-01, cycle: weekly, lines: [{ type: flat, amount: 1 }] }
                """);

        assertThat(errors)
                .containsExactly(
                        "truecount.yaml:3:24: unknown customer 'acme' in contract 'x'; allowed: none",
                        "truecount.yaml:3:56: unknown cycle 'weekly'; allowed: monthly, quarterly, annual",
                        "broken.yaml:4:1: YAML syntax error: found unexpected end of stream");
    }

    @Test
    void yamlSyntaxErrorInTheRoot_isTheOnlyError() {
        TestConfigs configs = new TestConfigs(dir);
        Path root = configs.write(
                "truecount.yaml",
                """
                company:
                  name: Zylker
                   currency: USD
                """);

        assertThat(configs.errors(root))
                .containsExactly("truecount.yaml:3:12: YAML syntax error: mapping values are not allowed here");
    }

    @Test
    void company_mustAppearExactlyOnce() {
        TestConfigs configs = new TestConfigs(dir);
        configs.write("again.yaml", TestConfigs.COMPANY);
        Path none = configs.write("none.yaml", "customers: {}\n");

        List<String> twice = configs.errorsOfRoot("include: again.yaml\n");

        assertThat(twice)
                .containsExactly("again.yaml:1:1: 'company' is already defined at truecount.yaml:2:1; it must appear"
                        + " exactly once");
        assertThat(configs.errors(none))
                .containsExactly("none.yaml:1:1: missing required key 'company' (in this file or an included one)");
    }

    @Test
    void unreadableRoot_isReportedAtItsStart() {
        TestConfigs configs = new TestConfigs(dir);

        assertThat(configs.errors(dir.resolve("absent.yaml")))
                .containsExactly("absent.yaml:1:1: cannot read file: no such file");
    }
}
