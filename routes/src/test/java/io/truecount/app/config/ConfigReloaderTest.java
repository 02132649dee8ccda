package io.truecount.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reload replaces the running configuration only with a valid file, and says what changed without values. */
class ConfigReloaderTest {

    private static final String CONFIG =
            """
            connectors:
              ninja:
                type: ninjaone
                credentials: { client-id: abc, client-secret: "${NINJA_SECRET}" }
                schedule: "%s"
            customers:
              acme: { name: Acme Dental, sources: { ninja: "12" } }
            """;

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>(Map.of("NINJA_SECRET", "first-s3cret"));
    private final List<ConfigReplaced> published = new ArrayList<>();
    private TestConfigs configs;
    private ActiveConfig active;
    private ConfigReloader reloader;

    @BeforeEach
    void start() throws ConfigException {
        configs = new TestConfigs(dir, env, List.of());
        Path root = configs.root(CONFIG.formatted("0 0 2 * * ?"));
        active = ActiveConfig.of(new ConfigLoader(env::get).load(root));
        reloader = new ConfigReloader(active, event -> published.add((ConfigReplaced) event), env::get);
    }

    @Test
    void validChange_replacesTheConfiguration_andTellsWhatChanged() {
        TruecountConfig before = active.get();
        configs.root(CONFIG.formatted("0 0 3 * * ?") + "  globex: { name: Globex }\n");

        ReloadOutcome outcome = reloader.reload("alice");

        assertThat(outcome)
                .isEqualTo(new ReloadOutcome.Applied(List.of("connector ninja changed", "customer globex added")));
        assertThat(active.get().connectors().get("ninja").schedule()).isEqualTo("0 0 3 * * ?");
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.previous()).isSameAs(before);
            assertThat(event.current()).isSameAs(active.get());
            assertThat(event.actor()).isEqualTo("alice");
        });
    }

    @Test
    void sameFile_isUnchanged_andNothingIsRebuilt() {
        TruecountConfig before = active.get();

        assertThat(reloader.reload("file-watch")).isInstanceOf(ReloadOutcome.Unchanged.class);
        assertThat(active.get()).isSameAs(before);
        assertThat(published).isEmpty();
    }

    @Test
    void invalidFile_isRejectedWithEveryError_andTheOldOneKeepsRunning() {
        TruecountConfig before = active.get();
        configs.root(CONFIG.formatted("0 0 2 * * ?").replace("type: ninjaone", "type: ninjaon")
                + "contracts:\n  - { id: x, customer: nobody, start: 2026-01-01, cycle: monthly, lines: [] }\n");

        ReloadOutcome outcome = reloader.reload("alice");

        assertThat(outcome)
                .isInstanceOfSatisfying(ReloadOutcome.Rejected.class, rejected -> assertThat(rejected.errors())
                        .hasSizeGreaterThanOrEqualTo(2)
                        .allSatisfy(error -> assertThat(error.file()).endsWith("truecount.yaml"))
                        .anySatisfy(error -> assertThat(error.message()).contains("ninjaon"))
                        .anySatisfy(error -> assertThat(error.message()).contains("nobody")));
        assertThat(active.get()).isSameAs(before);
        assertThat(published).isEmpty();
    }

    @Test
    void rotatedSecret_isAChangedConnector_namedWithoutItsValue() {
        env.put("NINJA_SECRET", "second-s3cret");

        ReloadOutcome outcome = reloader.reload("alice");

        assertThat(outcome).isEqualTo(new ReloadOutcome.Applied(List.of("connector ninja changed")));
        assertThat(outcome.toString()).doesNotContain("s3cret");
        assertThat(active.get()
                        .connectors()
                        .get("ninja")
                        .credentials()
                        .get("client-secret")
                        .reveal())
                .isEqualTo("second-s3cret");
    }
}
