package io.truecount.connector.pandadoc;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorType;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PandaDocConnectorTypeTest {

    @Test
    void serviceLoader_findsThePandaDocReceiverType() {
        assertThat(ServiceLoader.load(ConnectorType.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(type -> type.name().equals("pandadoc"))
                .singleElement()
                .satisfies(type -> {
                    assertThat(type.role()).isEqualTo(ConnectorRole.ESIGN);
                    assertThat(type.receivesWebhooks()).isTrue();
                    assertThat(type.requiredCredentials()).containsExactly("webhook-key");
                });
    }
}
