package io.truecount.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.sim.ninjaone.NinjaOneSimulator;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code truecount check}: a connection test per source connector, with no database. */
class CheckIT {

    private NinjaOneSimulator ninja;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        ninja = NinjaOneSimulator.builder(SmallMsp.data()).start();
    }

    @AfterEach
    void stop() {
        ninja.close();
    }

    @Test
    void reachableConnectorWithGoodCredentials_isOk() throws IOException {
        Path config = SmallMsp.writeConfig(dir, ninja.baseUrl(), ninja.clientId(), ninja.clientSecret());
        CliRun run = CliRun.of("check", "--config", config.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout())
                .containsPattern("ninja \\(ninjaone\\) +ok")
                .contains("1 of 1 source connectors answered");
    }

    @Test
    void wrongSecret_isOneClearLineNamingTheConnector_andExitCode3() throws IOException {
        Path config = SmallMsp.writeConfig(dir, ninja.baseUrl(), ninja.clientId(), "not-the-secret");
        CliRun run = CliRun.of("check", "--config", config.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.stdout())
                .containsPattern("ninja \\(ninjaone\\) +FAILED +connector .ninja.: .*HTTP 401")
                .doesNotContain("not-the-secret");
        assertThat(run.stdout() + run.stderr()).doesNotContain("Exception");
    }
}
