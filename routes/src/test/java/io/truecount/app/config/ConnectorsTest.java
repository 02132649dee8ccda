package io.truecount.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorsTest {

    private static final FakeConnectorType XERO =
            new FakeConnectorType("xero", ConnectorRole.ACCOUNTING, URI.create("https://api.xero.com"));
    private static final FakeConnectorType UBL_FILES =
            new FakeConnectorType("ubl-files", ConnectorRole.ACCOUNTING, null, Set.of("directory"));

    @TempDir
    Path dir;

    private TestConfigs configs() {
        return new TestConfigs(dir, Map.of("S", "secret"), List.of(FakeConnectorType.ninjaone(), XERO, UBL_FILES));
    }

    @Test
    void missingCredentials_areNamedAtTheConnector() {
        List<String> errors = configs()
                .errorsOfRoot(
                        """
                connectors:
                  ninja: { type: ninjaone }
                  books:
                    type: xero
                    credentials: { client-id: a }
                """);

        assertThat(errors)
                .containsExactly(
                        "truecount.yaml:2:3: missing credentials for ninjaone: client-id, client-secret",
                        "truecount.yaml:5:5: missing credentials for xero: client-secret, tenant-id");
    }

    @Test
    void sourceWithoutADefaultHost_needsBaseUrl() {
        FakeConnectorType halo = new FakeConnectorType("halopsa", ConnectorRole.PSA, null);
        TestConfigs configs = new TestConfigs(dir, Map.of("S", "secret"), List.of(halo));
        assertThat(
                        configs.errorsOfRoot(
                                """
                connectors:
                  halo:
                    type: halopsa
                    credentials: { client-id: a, client-secret: "${S}" }
                """))
                .containsExactly("truecount.yaml:2:3: missing required key 'base-url' in connector 'halo'");
    }

    @Test
    void missingType_isAMissingKey() {
        assertThat(configs().errorsOfRoot("connectors:\n  ninja: { schedule: \"0 0 2 * * ?\" }\n"))
                .containsExactly("truecount.yaml:2:3: missing required key 'type' in connector 'ninja'");
    }

    @Test
    void urls_mustBeAbsoluteHttp() {
        List<String> errors = configs()
                .errorsOfRoot(
                        """
                connectors:
                  ninja:
                    type: ninjaone
                    base-url: app.ninjarmm.com
                    auth-url: ftp://app.ninjarmm.com/token
                    credentials: { client-id: a, client-secret: "${S}" }
                """);

        assertThat(errors)
                .containsExactly(
                        "truecount.yaml:4:15: 'base-url' must be an absolute http(s) URL: 'app.ninjarmm.com'",
                        "truecount.yaml:5:15: 'auth-url' must be an absolute http(s) URL:"
                                + " 'ftp://app.ninjarmm.com/token'");
    }

    @Test
    void typeSpecificKeys_areRejectedOnOtherTypes() {
        List<String> errors = configs()
                .errorsOfRoot(
                        """
                connectors:
                  ninja:
                    type: ninjaone
                    login-url: https://login.microsoftonline.com
                    directory: out
                    credentials: { client-id: a, client-secret: "${S}" }
                  books:
                    type: xero
                    stale-after-days: 30
                    asset-classes: { X: server }
                    credentials: { client-id: a, client-secret: "${S}", tenant-id: t }
                """);

        assertThat(errors)
                .containsExactly(
                        "truecount.yaml:4:5: 'login-url' applies only to connector types microsoft-graph",
                        "truecount.yaml:5:5: 'directory' applies only to connector types ubl-files, csv-files",
                        "truecount.yaml:9:5: 'stale-after-days' applies only to connector types ninjaone, datto-rmm,"
                                + " atera",
                        "truecount.yaml:10:5: 'asset-classes' applies only to connector types ninjaone, datto-rmm,"
                                + " atera");
    }

    @Test
    void fileConnector_requiresADirectoryBesideTheConfig_andTakesNoCredentials() throws ConfigException {
        TestConfigs configs = configs();

        TruecountConfig config = configs.loadRoot("connectors:\n  files: { type: ubl-files, directory: out/ubl }\n");
        List<String> errors = configs.errorsOfRoot("connectors:\n  files: { type: ubl-files, credentials: {} }\n");

        assertThat(config.connectors().get("files").options())
                .isEqualTo(Map.of("directory", dir.resolve("out/ubl").toString()));
        assertThat(errors)
                .containsExactly(
                        "truecount.yaml:2:3: missing required key 'directory' in connector 'files'",
                        "truecount.yaml:2:29: connector type ubl-files takes no credentials");
    }

    @Test
    void rateLimitAndRetry_areValidated() {
        List<String> errors = configs()
                .errorsOfRoot(
                        """
                connectors:
                  ninja:
                    type: ninjaone
                    rate-limit: { per-second: 0 }
                    retry: { max-attempts: 0, jitter: true }
                    page-size: many
                    credentials: { client-id: a, client-secret: "${S}" }
                """);

        assertThat(errors)
                .containsExactly(
                        "truecount.yaml:4:31: 'per-second' must be above 0: '0'",
                        "truecount.yaml:5:28: 'max-attempts' must be a whole number of at least 1: '0'",
                        "truecount.yaml:5:31: unknown key 'jitter' in retry of connector 'ninja'; allowed:"
                                + " max-attempts, backoff-millis, max-wait-seconds",
                        "truecount.yaml:6:16: 'page-size' must be a whole number of at least 1: 'many'");
    }

    @Test
    void optionTheTypeDoesNotRead_isRejected() {
        List<String> errors = configs()
                .errorsOfRoot(
                        """
                connectors:
                  books:
                    type: xero
                    page-size: 100
                    circuit: { minimum-calls: 20, open-seconds: 0 }
                    credentials: { client-id: a, client-secret: "${S}", tenant-id: t }
                """);

        assertThat(errors)
                .containsExactly(
                        "truecount.yaml:4:5: 'page-size' is not used by connector type xero",
                        "truecount.yaml:5:49: 'open-seconds' must be a whole number of at least 1: '0'");
    }

    @Test
    void aTypesOwnOptions_areWholeNumbersOfThatTypeOnly() throws ConfigException {
        FakeConnectorType halo =
                new FakeConnectorType("halopsa", ConnectorRole.PSA, null, Set.of("full-sync-hours", "concurrency"));
        TestConfigs configs = new TestConfigs(dir, Map.of("S", "secret"), List.of(FakeConnectorType.ninjaone(), halo));
        TruecountConfig config = configs.loadRoot(
                """
                connectors:
                  halo:
                    type: halopsa
                    base-url: https://acme.halopsa.com/api
                    full-sync-hours: 0
                    credentials: { client-id: a, client-secret: "${S}" }
                """);
        assertThat(config.connectors().get("halo").options()).isEqualTo(Map.of("full-sync-hours", "0"));

        List<String> errors = configs.errorsOfRoot(
                """
                connectors:
                  halo:
                    type: halopsa
                    base-url: https://acme.halopsa.com/api
                    concurrency: lots
                    credentials: { client-id: a, client-secret: "${S}" }
                  ninja:
                    type: ninjaone
                    full-sync-hours: 12
                    credentials: { client-id: a, client-secret: "${S}" }
                """);
        assertThat(errors)
                .hasSize(2)
                .first()
                .isEqualTo("truecount.yaml:5:18: 'concurrency' must be a whole number of at least 0: 'lots'");
        assertThat(errors.get(1)).startsWith("truecount.yaml:9:5: unknown key 'full-sync-hours' in connector 'ninja'");
    }

    @Test
    void sources_leaveOutConnectorsThatAreNotSources() throws ConfigException {
        TruecountConfig config = configs()
                .loadRoot(
                        """
                connectors:
                  books: { type: xero, credentials: { client-id: a, client-secret: "${S}", tenant-id: t } }
                  ninja: { type: ninjaone, credentials: { client-id: a, client-secret: "${S}" } }
                """);

        assertThat(config.connectors().keySet()).containsExactly("books", "ninja");
        assertThat(config.sources()).extracting(ConnectorSettings::id).containsExactly("ninja");
        assertThat(config.connectors().get("books").baseUrl()).isEqualTo(URI.create("https://api.xero.com"));
    }

    @Test
    void productionLoader_offersEveryTypeOfTheCatalogue() throws ConfigException {
        Path root = new TestConfigs(dir)
                .root(
                        """
                connectors:
                  dropbox: { type: dropbox-sign, credentials: { api-key: "${KEY:-k}" } }
                  files: { type: csv-files, directory: out }
                """);

        TruecountConfig config = new ConfigLoader(Map.<String, String>of()::get).load(root);

        assertThat(config.connectors()).containsOnlyKeys("dropbox", "files");
    }
}
