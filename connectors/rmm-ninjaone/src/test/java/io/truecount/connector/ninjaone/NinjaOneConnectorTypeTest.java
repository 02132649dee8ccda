package io.truecount.connector.ninjaone;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.testing.ConnectorHarness;
import java.net.URI;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NinjaOneConnectorTypeTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final NinjaOneStubs ninja = new NinjaOneStubs(harness.wireMock());

    @Test
    void serviceLoader_findsTheNinjaOneType() {
        assertThat(ServiceLoader.load(ConnectorType.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(type -> type.name().equals("ninjaone"))
                .singleElement()
                .satisfies(type -> {
                    assertThat(type.role()).isEqualTo(ConnectorRole.RMM);
                    assertThat(type.requiredCredentials()).containsExactlyInAnyOrder("client-id", "client-secret");
                    assertThat(type.defaultBaseUrl()).isEqualTo(URI.create("https://app.ninjarmm.com"));
                    assertThat(type.optionKeys()).contains("page-size", "retry.max-attempts", "timeout-seconds");
                });
    }

    @Test
    void authUrl_replacesTheTokenEndpointUnderTheBaseUrl() {
        harness.wireMock()
                .stubFor(post(urlPathEqualTo("/custom/token")).willReturn(okJson("{\"access_token\":\"t\"}")));
        ninja.organizations("[]");
        var settings = harness.settings("ninjaone")
                .credential("client-id", "c")
                .credential("client-secret", "s")
                .authUrl(URI.create(harness.baseUrl() + "/custom/token"))
                .build();

        new NinjaOneConnectorType().createSource(settings, harness.runtime()).checkConnection();

        harness.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/custom/token")));
        assertThat(ninja.tokenRequests()).isZero();
    }

    @Test
    void baseUrlWithAPathPrefix_keepsThePrefix() {
        harness.wireMock()
                .stubFor(post(urlPathEqualTo("/ninja" + NinjaOneConnector.TOKEN))
                        .willReturn(okJson("{\"access_token\":\"t\"}")));
        harness.wireMock()
                .stubFor(get(urlPathEqualTo("/ninja" + NinjaOneConnector.ORGANIZATIONS))
                        .willReturn(okJson("[]")));
        var settings = harness.settings("ninjaone")
                .credential("client-id", "c")
                .credential("client-secret", "s")
                .baseUrl(URI.create(harness.baseUrl() + "/ninja/"))
                .build();

        new NinjaOneConnectorType().createSource(settings, harness.runtime()).checkConnection();

        harness.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/ninja" + NinjaOneConnector.TOKEN)));
    }
}
