package io.truecount.connector.atera;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.observation.AssetClass;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AteraClassMapTest {

    private final AteraClassMap defaults = new AteraClassMap(Map.of());

    @Test
    void serversAndDomainControllers_areServers() {
        assertThat(defaults.classify("Server")).isEqualTo(AssetClass.SERVER);
        assertThat(defaults.classify("Domain Controller")).isEqualTo(AssetClass.SERVER);
    }

    @Test
    void bothWorkstationSpellings_areWorkstations() {
        assertThat(defaults.classify("Work Station")).isEqualTo(AssetClass.WORKSTATION);
        assertThat(defaults.classify("Workstation")).isEqualTo(AssetClass.WORKSTATION);
    }

    @Test
    void unmappedOsTypes_areOther() {
        assertThat(defaults.classify("Mac")).isEqualTo(AssetClass.OTHER);
        assertThat(defaults.classify("Linux")).isEqualTo(AssetClass.OTHER);
        assertThat(defaults.classify("server")).isEqualTo(AssetClass.OTHER);
    }

    @Test
    void overrides_winOverDefaults_andMapUnknownValues() {
        AteraClassMap map = new AteraClassMap(Map.of("Mac", AssetClass.WORKSTATION, "Server", AssetClass.OTHER));

        assertThat(map.classify("Mac")).isEqualTo(AssetClass.WORKSTATION);
        assertThat(map.classify("Server")).isEqualTo(AssetClass.OTHER);
        assertThat(map.classify("Domain Controller")).isEqualTo(AssetClass.SERVER);
    }
}
