package io.truecount.connector.docusign;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.Secret;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class DocuSignConnectorTypeTest {

    @Test
    void serviceLoader_findsTheDocuSignReceiverType() {
        assertThat(ServiceLoader.load(ConnectorType.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(type -> type.name().equals("docusign"))
                .singleElement()
                .satisfies(type -> {
                    assertThat(type.role()).isEqualTo(ConnectorRole.ESIGN);
                    assertThat(type.receivesWebhooks()).isTrue();
                    assertThat(type.requiredCredentials()).containsExactly("hmac-keys");
                });
    }

    @Test
    void hmacKeys_listCredentialsKeepTheAdminsOrder() {
        ConnectorSettings settings = settings(Map.of(
                "hmac-keys[10]", new Secret("eleventh", "env"),
                "hmac-keys[2]", new Secret("third", "env"),
                "hmac-keys[0]", new Secret("first", "env")));

        assertThat(DocuSignConnectorType.hmacKeys(settings)).containsExactly("first", "third", "eleventh");
    }

    @Test
    void hmacKeys_aSingleValueIsAcceptedToo() {
        assertThat(DocuSignConnectorType.hmacKeys(settings(Map.of("hmac-keys", new Secret("only", "env")))))
                .containsExactly("only");
    }

    private static ConnectorSettings settings(Map<String, Secret> credentials) {
        return new ConnectorSettings(
                "esign", "docusign", null, null, credentials, null, null, Map.of(), null, Map.of());
    }
}
