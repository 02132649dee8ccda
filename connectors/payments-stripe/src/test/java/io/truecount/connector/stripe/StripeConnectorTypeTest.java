package io.truecount.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.Secret;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class StripeConnectorTypeTest {

    @Test
    void isFoundByServiceLoader_asAPaymentsTypeWithWebhooks() {
        ConnectorType type = ServiceLoader.load(ConnectorType.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(t -> t.name().equals("stripe"))
                .findFirst()
                .orElseThrow();

        assertThat(type.role()).isEqualTo(ConnectorRole.PAYMENTS);
        assertThat(type.receivesWebhooks()).isTrue();
        assertThat(type.defaultBaseUrl()).hasToString("https://api.stripe.com");
        assertThat(type.optionKeys()).contains("collection", "timeout-seconds");
    }

    @Test
    void collectionOption_namesItsAllowedValues() {
        StripeConnectorType type = new StripeConnectorType();

        assertThat(type.optionProblem("collection", "send-invoice")).isNull();
        assertThat(type.optionProblem("collection", " charge-automatically ")).isNull();
        assertThat(type.optionProblem("collection", "send_invoice"))
                .contains("send-invoice")
                .contains("charge-automatically");
    }

    @Test
    void webhookSecrets_singleAndListedInIndexOrder() {
        Map<String, Secret> credentials = Map.of(
                "api-key", new Secret("sk", "a"),
                "webhook-secrets[1]", new Secret("new", "b"),
                "webhook-secrets[0]", new Secret("old", "c"),
                "webhook-secrets[10]", new Secret("newest", "d"));

        assertThat(StripeConnectorType.webhookSecrets(settings(credentials)))
                .extracting(Secret::reveal)
                .containsExactly("old", "new", "newest");
        assertThat(StripeConnectorType.webhookSecrets(settings(Map.of("webhook-secret", new Secret("one", "e")))))
                .extracting(Secret::reveal)
                .containsExactly("one");
    }

    private static ConnectorSettings settings(Map<String, Secret> credentials) {
        return new ConnectorSettings("pay", "stripe", null, null, credentials, null, null, Map.of(), null, Map.of());
    }
}
