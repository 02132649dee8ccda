package io.truecount.connector.datto;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.testing.ConnectorHarness;
import java.net.URI;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DattoConnectorTypeTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private final DattoStubs datto = new DattoStubs(harness.wireMock());

    @Test
    void serviceLoader_findsTheDattoType() {
        assertThat(ServiceLoader.load(ConnectorType.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(type -> type.name().equals("datto-rmm"))
                .singleElement()
                .satisfies(type -> {
                    assertThat(type.role()).isEqualTo(ConnectorRole.RMM);
                    assertThat(type.requiredCredentials()).containsExactlyInAnyOrder("api-key", "api-secret");
                    assertThat(type.defaultBaseUrl()).isEqualTo(URI.create("https://merlot-api.centrastage.net"));
                    assertThat(type.optionKeys()).contains("page-size", "retry.max-attempts", "timeout-seconds");
                });
    }

    @Test
    void authUrl_replacesTheTokenEndpointUnderTheBaseUrl() {
        harness.wireMock()
                .stubFor(post(urlPathEqualTo("/custom/token")).willReturn(okJson("{\"access_token\":\"t\"}")));
        datto.sitesPage(null, "[]", null);
        var settings = harness.settings("datto-rmm")
                .credential("api-key", "k")
                .credential("api-secret", "s")
                .authUrl(URI.create(harness.baseUrl() + "/custom/token"))
                .build();

        new DattoConnectorType().createSource(settings, harness.runtime()).checkConnection();

        harness.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/custom/token")));
        assertThat(datto.tokenRequests()).isZero();
    }

    @Test
    void baseUrlWithAPathPrefix_keepsThePrefix() {
        harness.wireMock()
                .stubFor(post(urlPathEqualTo("/datto" + DattoConnector.TOKEN))
                        .willReturn(okJson("{\"access_token\":\"t\"}")));
        harness.wireMock()
                .stubFor(get(urlPathEqualTo("/datto" + DattoConnector.SITES))
                        .willReturn(okJson("{\"pageDetails\":{},\"sites\":[]}")));
        var settings = harness.settings("datto-rmm")
                .credential("api-key", "k")
                .credential("api-secret", "s")
                .baseUrl(URI.create(harness.baseUrl() + "/datto/"))
                .build();

        new DattoConnectorType().createSource(settings, harness.runtime()).checkConnection();

        harness.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/datto" + DattoConnector.TOKEN)));
    }

    @Test
    void pageSizeBelowOne_isRefused() {
        var settings = harness.settings("datto-rmm")
                .id("datto")
                .credential("api-key", "k")
                .credential("api-secret", "s")
                .option("page-size", "0")
                .build();

        assertThatThrownBy(() -> new DattoConnectorType().createSource(settings, harness.runtime()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("connector datto: option 'page-size' must be at least 1, not 0");
    }
}
