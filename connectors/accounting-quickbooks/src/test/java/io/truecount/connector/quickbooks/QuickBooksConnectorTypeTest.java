package io.truecount.connector.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorType;
import java.net.URI;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class QuickBooksConnectorTypeTest {

    private final QuickBooksConnectorType type = new QuickBooksConnectorType();

    @Test
    void isTheAccountingTypeWithIntuitsCredentialsAndHost() {
        assertThat(type.name()).isEqualTo("quickbooks-online");
        assertThat(type.role()).isEqualTo(ConnectorRole.ACCOUNTING);
        assertThat(type.requiredCredentials())
                .containsExactlyInAnyOrder("client-id", "client-secret", "refresh-token", "realm-id");
        assertThat(type.optionKeys()).contains("item-id", "retry.max-attempts", "timeout-seconds");
        assertThat(type.defaultBaseUrl()).isEqualTo(URI.create("https://quickbooks.api.intuit.com"));
        assertThat(type.receivesWebhooks()).isFalse();
    }

    @Test
    void isFoundThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(ConnectorType.class).stream()
                        .map(p -> p.get().name()))
                .contains("quickbooks-online");
    }

    @Test
    void itemId_mustBeAQuickBooksId() {
        assertThat(type.optionProblem("item-id", "12")).isNull();
        assertThat(type.optionProblem("item-id", "Services"))
                .isEqualTo("'item-id' must be the Id of a QuickBooks product or service (digits), not 'Services'");
    }
}
