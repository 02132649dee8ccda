package io.truecount.connector.halopsa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.testing.ConnectorHarness;
import io.truecount.connector.testing.TestSettings;
import java.net.URI;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HaloPsaConnectorTypeTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final HaloPsaConnectorType type = new HaloPsaConnectorType();

    @Test
    void isTheHalopsaPsaType_withClientCredentials_andAnOptionalTenant() {
        assertThat(type.name()).isEqualTo("halopsa");
        assertThat(type.role()).isEqualTo(ConnectorRole.PSA);
        assertThat(type.requiredCredentials()).containsExactlyInAnyOrder("client-id", "client-secret");
        assertThat(type.optionalCredentials()).containsExactly("tenant");
        assertThat(type.optionKeys()).contains("page-size", "full-sync-hours", "retry.max-attempts");
    }

    @Test
    void isFoundThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(ConnectorType.class).stream()
                        .map(p -> p.get().name()))
                .contains("halopsa");
    }

    @Test
    void withoutBaseUrl_saysThatTheInstanceUrlIsNeeded() {
        TestSettings settings = harness.settings("halopsa")
                .id("halo")
                .baseUrl(null)
                .credential("client-id", "c")
                .credential("client-secret", "s");

        assertThat(type.defaultBaseUrl()).isNull();
        assertThatThrownBy(() -> type.createSource(settings.build(), harness.runtime()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connector 'halo': halopsa needs base-url, the instance's API URL"
                        + " (https://<instance>.halopsa.com/api)");
    }

    @Test
    void tokenUrl_isAuthTokenOnTheApiHost_withTheTenant() {
        TestSettings settings = harness.settings("halopsa")
                .baseUrl(URI.create("https://acme.halopsa.com/api/"))
                .credential("tenant", "acme");

        assertThat(HaloPsaConnector.tokenUrl(settings.build()))
                .isEqualTo(URI.create("https://acme.halopsa.com/auth/token?tenant=acme"));
        assertThat(HaloPsaConnector.tokenUrl(settings.authUrl(URI.create("https://login.example.com/auth/"))
                        .build()))
                .isEqualTo(URI.create("https://login.example.com/auth/token?tenant=acme"));
    }
}
