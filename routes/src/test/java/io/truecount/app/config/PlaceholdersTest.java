package io.truecount.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private final Placeholders placeholders =
            new Placeholders(Map.of("HOST", "graph.example.com", "EMPTY", "", "TOKEN", "t0ken-value")::get);

    @Test
    void variablesAnywhereInText_areReplaced() {
        Placeholders.Resolution r = placeholders.resolve("https://${HOST}/api/${VERSION:-v1.0}");

        assertThat(r.value()).isEqualTo("https://graph.example.com/api/v1.0");
        assertThat(r.variables()).containsExactly("HOST", "VERSION");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void default_appliesWhenUnsetOrEmpty_asInAShell() {
        assertThat(placeholders.resolve("${EMPTY:-fallback}").value()).isEqualTo("fallback");
        assertThat(placeholders.resolve("${UNSET:-fallback}").value()).isEqualTo("fallback");
        assertThat(placeholders.resolve("${HOST:-fallback}").value()).isEqualTo("graph.example.com");
        assertThat(placeholders.resolve("${UNSET:-}").value()).isEmpty();
    }

    @Test
    void emptyVariableWithoutDefault_isEmptyNotMissing() {
        Placeholders.Resolution r = placeholders.resolve("${EMPTY}");

        assertThat(r.value()).isEmpty();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void textWithoutReferences_isUnchanged() {
        Placeholders.Resolution r = placeholders.resolve("plain $HOST text");

        assertThat(r.value()).isEqualTo("plain $HOST text");
        assertThat(r.variables()).isEmpty();
    }

    @Test
    void missingVariables_areEachReported() {
        assertThat(placeholders.resolve("${A}-${HOST}-${B}").problems())
                .containsExactly("environment variable A is not set", "environment variable B is not set");
    }

    @Test
    void malformedReferences_areReportedWithoutQuotingThem() {
        assertThat(placeholders.resolve("${TOKEN").problems())
                .isEqualTo(List.of("unclosed '${': write ${NAME} or ${NAME:-default}"));
        assertThat(placeholders.resolve("${NOT A NAME:-s3cret}").problems())
                .isEqualTo(List.of("invalid variable reference: write ${NAME} or ${NAME:-default}"));
    }
}
