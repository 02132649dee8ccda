package io.truecount.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.connector.ConnectorRole;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.SignatureRequirement;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code signature:} and {@code auto-renew:} on contracts. */
class SignatureConfigTest {

    private static final String HEAD =
            """
            connectors:
              ninja: { type: ninjaone, credentials: { client-id: a, client-secret: "${NS}" } }
              sign: { type: docusign, credentials: { hmac-keys: ["${DS_KEY}"] } }
            customers:
              acme: { name: Acme }
            """;

    @TempDir
    Path dir;

    private TestConfigs configs() {
        return new TestConfigs(
                dir,
                Map.of("DS_KEY", "k1", "NS", "s"),
                List.of(
                        FakeConnectorType.ninjaone(),
                        new FakeConnectorType("docusign", ConnectorRole.ESIGN, URI.create("https://docusign.net"))));
    }

    private static String contract(String extra) {
        return HEAD
                + """
                contracts:
                  - id: acme-managed
                    customer: acme
                    start: 2026-01-01
                    end: 2026-12-31
                    cycle: monthly
                """
                + extra
                + """
                    lines: [{ type: flat, amount: 10 }]
                """;
    }

    @Test
    void signatureOnAnEsignConnector_isRead() throws ConfigException {
        Contract contract = configs()
                .loadRoot(contract("    signature: { connector: sign, document-id: env-123 }\n"))
                .contracts()
                .get(0);

        assertThat(contract.signature()).isEqualTo(new SignatureRequirement("sign", "env-123"));
        assertThat(contract.autoRenew()).isFalse();
        assertThat(contract.end()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void noSignature_andAutoRenew_areRead() throws ConfigException {
        Contract contract = configs()
                .loadRoot(contract("    auto-renew: true\n"))
                .contracts()
                .get(0);

        assertThat(contract.signature()).isNull();
        assertThat(contract.autoRenew()).isTrue();
    }

    @Test
    void signatureOnAnRmmConnector_isAnErrorNamingTheEsignConnectors() {
        assertThat(configs().errorsOfRoot(contract("    signature: { connector: ninja, document-id: x }\n")))
                .containsExactly("truecount.yaml:12:29: connector 'ninja' in signature of contract 'acme-managed' is of"
                        + " type ninjaone, not an e-signature type; allowed: sign");
    }

    @Test
    void signatureOnAnUndefinedConnector_orWithoutDocument_isAnErrorAtItsLine() {
        assertThat(configs().errorsOfRoot(contract("    signature: { connector: docu }\n")))
                .containsExactly(
                        "truecount.yaml:12:5: missing required key 'document-id' in signature of contract"
                                + " 'acme-managed'",
                        "truecount.yaml:12:29: unknown connector 'docu' in signature of contract 'acme-managed';"
                                + " allowed: sign");
    }

    @Test
    void signatureWithUnknownKey_andAutoRenewNotBoolean_areErrors() {
        assertThat(configs()
                        .errorsOfRoot(contract("    signature: { connector: sign, document-id: x, envelope: y }\n"
                                + "    auto-renew: yes\n")))
                .containsExactly(
                        "truecount.yaml:12:51: unknown key 'envelope' in signature of contract 'acme-managed';"
                                + " allowed: connector, document-id",
                        "truecount.yaml:13:17: 'auto-renew' must be true or false: 'yes'");
    }

    @Test
    void autoRenewWithoutEnd_isAnError() {
        String yaml = HEAD
                + """
                contracts:
                  - id: open
                    customer: acme
                    start: 2026-01-01
                    cycle: monthly
                    auto-renew: true
                    lines: [{ type: flat, amount: 10 }]
                """;
        assertThat(configs().errorsOfRoot(yaml))
                .containsExactly("truecount.yaml:11:17: 'auto-renew' in contract 'open' needs an 'end' to renew from");
    }
}
