package io.truecount.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorSettingsTest {

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
    void intOption_absentOrBlank_isTheDefault() {
        assertThat(withOptions(Map.of()).intOption("page-size", 1000)).isEqualTo(1000);
        assertThat(withOptions(Map.of("page-size", " ")).intOption("page-size", 1000))
                .isEqualTo(1000);
    }

    @Test
    void intOption_isParsed() {
        assertThat(withOptions(Map.of("page-size", " 250 ")).intOption("page-size", 1000))
                .isEqualTo(250);
    }

    @Test
    void intOption_notANumber_namesConnectorKeyAndValue() {
        assertThatThrownBy(() -> withOptions(Map.of("page-size", "lots")).intOption("page-size", 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connector ninja: option 'page-size' must be a whole number, not 'lots'");
    }

    @Test
    void sourceExceptionOf_isOneLineStartingWithTheConnector() {
        assertThat(SourceException.of("ninja", "page\n 3   failed").getMessage())
                .isEqualTo("connector 'ninja': page 3 failed");
    }
}
