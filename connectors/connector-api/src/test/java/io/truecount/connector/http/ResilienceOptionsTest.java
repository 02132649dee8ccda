package io.truecount.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.ConnectorSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResilienceOptionsTest {

    private static ConnectorSettings withOptions(Map<String, String> options) {
        return new ConnectorSettings(
                "ninja",
                "ninjaone",
                URI.create("https://app.ninjarmm.com"),
                null,
                Map.of(),
                null,
                null,
                Map.of(),
                null,
                options);
    }

    @Test
    void noOptions_giveTheDocumentedDefaults() {
        assertThat(ResilienceOptions.of(withOptions(Map.of())))
                .isEqualTo(new ResilienceOptions(
                        5,
                        Duration.ofMillis(500),
                        Duration.ofSeconds(120),
                        Duration.ofSeconds(60),
                        10,
                        Duration.ofSeconds(60)));
    }

    @Test
    void options_overrideTheDefaults() {
        ResilienceOptions options =
                ResilienceOptions.of(withOptions(Map.of("retry.max-attempts", "2", "timeout-seconds", "9")));

        assertThat(options.maxAttempts()).isEqualTo(2);
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void zeroAttempts_isRejectedNamingConnectorAndOption() {
        assertThatThrownBy(() -> ResilienceOptions.of(withOptions(Map.of("retry.max-attempts", "0"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connector ninja: option 'retry.max-attempts' must be at least 1, not 0");
    }
}
