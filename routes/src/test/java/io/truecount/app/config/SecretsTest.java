package io.truecount.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets come only from the environment or files, and no error ever shows one. */
class SecretsTest {

    private static final String SECRET = "Sup3r-s3cret-valu3";

    @TempDir
    Path dir;

    @Test
    void literalSecret_isRejectedWithoutQuotingIt() {
        List<String> errors = new TestConfigs(dir)
                .errorsOfRoot(
                        """
                connectors:
                  ninja:
                    type: ninjaone
                    credentials: { client-id: abc, client-secret: Sup3r-s3cret-valu3 }
                """);

        assertThat(errors)
                .containsExactly("truecount.yaml:4:51: 'client-secret' must not be written literally: give ${ENV_VAR}"
                        + " or file:PATH");
    }

    @Test
    void literalUnderAnySecretLikeKey_isRejectedWhereverItIs() {
        List<String> errors = new TestConfigs(dir)
                .errorsOfRoot(
                        """
                connectors:
                  ninja:
                    type: ninjaone
                    smtp-password: hunter2
                    credentials:
                      client-id: "${ID:-x}"
                      client-secret: "${SECRET:-y}"
                """);

        assertThat(errors)
                .containsExactly(
                        "truecount.yaml:4:5: unknown key 'smtp-password' in connector 'ninja'; allowed: type,"
                                + " base-url, auth-url, credentials, schedule, stale-after-days, asset-classes,"
                                + " rate-limit, login-url, directory, retry, circuit, timeout-seconds, page-size",
                        "truecount.yaml:4:20: 'smtp-password' must not be written literally: give ${ENV_VAR} or"
                                + " file:PATH");
    }

    @Test
    void idsThatLookLikeSecretWords_areNotTakenForSecrets() throws ConfigException {
        TruecountConfig config = new TestConfigs(dir)
                .loadRoot(
                        """
                connectors:
                  token-rmm:
                    type: ninjaone
                    asset-classes: { SECRET_SERVER: server }
                    credentials: { client-id: a, client-secret: "${S:-s}" }
                customers:
                  acme: { name: Acme, sources: { token-rmm: "12" } }
                """);

        assertThat(config.customers().get("acme").sources()).containsKey("token-rmm");
    }

    @Test
    void fileSecret_isReadBesideTheConfigWithoutTrailingNewline() throws ConfigException {
        TestConfigs configs = new TestConfigs(dir);
        configs.write("secrets/ninja.txt", SECRET + "\r\n");

        TruecountConfig config = configs.loadRoot(
                """
                connectors:
                  ninja:
                    type: ninjaone
                    credentials: { client-id: "file:secrets/ninja.txt", client-secret: "file:secrets/ninja.txt" }
                """);

        ConnectorSettings ninja = config.connectors().get("ninja");
        assertThat(ninja.credential("client-secret").reveal()).isEqualTo(SECRET);
        assertThat(ninja.credential("client-secret").origin()).isEqualTo("file secrets/ninja.txt");
        assertThat(ninja.credential("client-secret").toString()).doesNotContain(SECRET);
    }

    @Test
    void unreadableOrEmptySecretFile_isAnErrorNamingTheFile() {
        TestConfigs configs = new TestConfigs(dir);
        configs.write("empty.txt", "\n");

        List<String> errors = configs.errorsOfRoot(
                """
                connectors:
                  ninja:
                    type: ninjaone
                    credentials:
                      client-id: file:empty.txt
                      client-secret: file:missing.txt
                """);

        assertThat(errors)
                .containsExactly(
                        "truecount.yaml:5:18: secret file 'empty.txt' for 'client-id' is empty",
                        "truecount.yaml:6:22: cannot read secret file 'missing.txt' for 'client-secret': no such file");
    }

    @Test
    void envSecret_recordsTheVariableAsOrigin() throws ConfigException {
        TestConfigs configs =
                new TestConfigs(dir, Map.of("NINJA_SECRET", SECRET), List.of(FakeConnectorType.ninjaone()));

        TruecountConfig config = configs.loadRoot(
                """
                connectors:
                  ninja:
                    type: ninjaone
                    credentials: { client-id: "id-${TENANT:-main}", client-secret: "${NINJA_SECRET}" }
                """);

        ConnectorSettings ninja = config.connectors().get("ninja");
        assertThat(ninja.credential("client-secret").reveal()).isEqualTo(SECRET);
        assertThat(ninja.credential("client-secret").origin()).isEqualTo("env NINJA_SECRET");
        assertThat(ninja.credential("client-id").reveal()).isEqualTo("id-main");
        assertThat(ninja.credential("client-id").origin()).isEqualTo("env TENANT");
    }

    @Test
    void secretFromEnvironment_neverAppearsInErrorsEvenWhereValuesAreQuoted() {
        TestConfigs configs = new TestConfigs(dir, Map.of("LEAK", SECRET), List.of(FakeConnectorType.ninjaone()));

        List<String> errors = configs.errorsOfRoot(
                """
                connectors:
                  ninja:
                    type: ninjaone
                    base-url: ${LEAK}
                    schedule: ${LEAK}
                    credentials: { client-id: "${LEAK}", client-secret: "${LEAK}", extra: "${LEAK}" }
                customers:
                  acme: { name: Acme, currency: "${LEAK}", max-drop-percent: "${LEAK}" }
                """);

        assertThat(errors)
                .containsExactly(
                        "truecount.yaml:4:15: 'base-url' must be an absolute http(s) URL: '${LEAK}'",
                        "truecount.yaml:5:15: 'schedule' is not a valid Quartz cron expression: '${LEAK}'",
                        "truecount.yaml:6:68: unknown key 'extra' in credentials of connector 'ninja'; allowed:"
                                + " client-id, client-secret",
                        "truecount.yaml:8:33: unknown currency '${LEAK}'; expected an ISO 4217 code such as USD",
                        "truecount.yaml:8:62: 'max-drop-percent' must be a decimal number: '${LEAK}'");
        assertThat(errors).noneMatch(e -> e.contains(SECRET));
    }

    @Test
    void yamlSyntaxError_quotesNoSourceText() {
        List<String> errors = new TestConfigs(dir)
                .errorsOfRoot(
                        """
                connectors:
                  ninja:
                    credentials: { client-secret: Sup3r-s3cret-valu3: x }
                """);

        assertThat(errors).hasSize(1).noneMatch(e -> e.contains(SECRET));
        assertThat(errors.get(0)).startsWith("truecount.yaml:3:").contains("YAML syntax error: ");
    }

    @Test
    void listCredential_keepsEachSecretAndAllowsOnlyOneSpelling() throws ConfigException {
        FakeConnectorType stripe =
                new FakeConnectorType("stripe", ConnectorRole.PAYMENTS, URI.create("https://api.stripe.com"));
        TestConfigs configs =
                new TestConfigs(dir, Map.of("KEY", "sk", "OLD", "whsec_old", "NEW", "whsec_new"), List.of(stripe));

        TruecountConfig config = configs.loadRoot(
                """
                connectors:
                  pay:
                    type: stripe
                    credentials: { api-key: "${KEY}", webhook-secrets: ["${OLD}", "${NEW}"] }
                """);
        List<String> errors = configs.errorsOfRoot(
                """
                connectors:
                  pay:
                    type: stripe
                    credentials: { api-key: "${KEY}", webhook-secret: "${OLD}", webhook-secrets: ["${NEW}"] }
                """);

        ConnectorSettings pay = config.connectors().get("pay");
        assertThat(pay.credentials()).containsOnlyKeys("api-key", "webhook-secrets[0]", "webhook-secrets[1]");
        assertThat(pay.credential("webhook-secrets[1]").reveal()).isEqualTo("whsec_new");
        assertThat(errors)
                .containsExactly("truecount.yaml:4:65: give either 'webhook-secret' or 'webhook-secrets', not both");
    }
}
