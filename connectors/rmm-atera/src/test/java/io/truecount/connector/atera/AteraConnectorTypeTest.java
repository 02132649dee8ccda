package io.truecount.connector.atera;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.testing.ConnectorHarness;
import java.net.URI;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AteraConnectorTypeTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    @Test
    void serviceLoader_findsTheAteraType() {
        assertThat(ServiceLoader.load(ConnectorType.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(type -> type.name().equals("atera"))
                .singleElement()
                .satisfies(type -> {
                    assertThat(type.role()).isEqualTo(ConnectorRole.RMM);
                    assertThat(type.requiredCredentials()).containsExactly("api-key");
                    assertThat(type.defaultBaseUrl()).isEqualTo(URI.create("https://app.atera.com"));
                    assertThat(type.optionKeys()).contains("page-size", "retry.max-attempts", "timeout-seconds");
                });
    }

    @Test
    void baseUrlWithAPathPrefix_keepsThePrefix() {
        harness.wireMock()
                .stubFor(get(urlPathEqualTo("/atera" + AteraConnector.CUSTOMERS))
                        .willReturn(okJson(AteraStubs.envelope("[]", 1, 0))));
        var settings = harness.settings("atera")
                .credential("api-key", "k")
                .baseUrl(URI.create(harness.baseUrl() + "/atera/"))
                .build();

        new AteraConnectorType().createSource(settings, harness.runtime()).checkConnection();

        harness.wireMock().verify(1, getRequestedFor(urlPathEqualTo("/atera" + AteraConnector.CUSTOMERS)));
    }
}
