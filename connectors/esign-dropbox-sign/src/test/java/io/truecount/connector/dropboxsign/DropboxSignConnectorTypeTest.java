package io.truecount.connector.dropboxsign;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorType;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class DropboxSignConnectorTypeTest {

    @Test
    void serviceLoader_findsTheDropboxSignReceiverType() {
        assertThat(ServiceLoader.load(ConnectorType.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(type -> type.name().equals("dropbox-sign"))
                .singleElement()
                .satisfies(type -> {
                    assertThat(type.role()).isEqualTo(ConnectorRole.ESIGN);
                    assertThat(type.receivesWebhooks()).isTrue();
                    assertThat(type.requiredCredentials()).containsExactly("api-key");
                    assertThat(type.optionKeys()).isEmpty();
                });
    }
}
