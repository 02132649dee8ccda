package io.truecount.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.bench.BenchMain.Settings;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    @Test
    void parse_noOptions_benchmarksTenThousandCustomersWithAMonthOfDailySnapshots() {
        assertThat(Settings.parse()).isEqualTo(new Settings(10_000, 20261031L, Workload.ALL_DAYS));
    }

    @Test
    void parse_options_overrideTheDefaults() {
        assertThat(Settings.parse("--history-days", "0", "--customers", "250", "--seed", "7"))
                .isEqualTo(new Settings(250, 7, 0));
    }

    @Test
    void parse_badInput_isOneClearMessage() {
        assertThatThrownBy(() -> Settings.parse("--customers", "ten"))
                .hasMessage("--customers needs a whole number, got ten");
        assertThatThrownBy(() -> Settings.parse("--seed")).hasMessage("--seed needs a whole number, got nothing");
        assertThatThrownBy(() -> Settings.parse("--fast")).hasMessageStartingWith("unknown option --fast; usage:");
        assertThatThrownBy(() -> Settings.parse("--customers", "0")).hasMessageContaining("at least 1");
    }
}
