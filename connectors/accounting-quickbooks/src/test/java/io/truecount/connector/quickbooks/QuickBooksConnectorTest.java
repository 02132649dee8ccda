package io.truecount.connector.quickbooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.truecount.connector.ConnectorRuntime;
import io.truecount.connector.CredentialsException;
import io.truecount.connector.SourceException;
import io.truecount.connector.SourceUnavailableException;
import io.truecount.connector.auth.TokenVault;
import io.truecount.connector.push.PushReceipt;
import io.truecount.connector.push.PushRequest;
import io.truecount.connector.push.SinkConnector;
import io.truecount.connector.testing.ConnectorHarness;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QuickBooksConnectorTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private static final String TOKEN_PATH = "/oauth2/v1/tokens/bearer";
    private static final String COMPANY = "/v3/company/123";
    private static final String INVOICE_JSON = "{\"Invoice\":{\"Id\":\"130\",\"DocNumber\":\"ZY-202610-00001\","
            + "\"TotalAmt\":1867.75},\"time\":\"2026-10-01T00:00:00Z\"}";

    private final TokenVault vault = TokenVault.inMemory();

    @BeforeEach
    void tokenEndpoint() {
        harness.wireMock()
                .stubFor(post(urlPathEqualTo(TOKEN_PATH))
                        .willReturn(okJson("{\"token_type\":\"bearer\",\"access_token\":\"AT-1\",\"expires_in\":3600,"
                                + "\"refresh_token\":\"RT-2\",\"x_refresh_token_expires_in\":8640000}")));
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(COMPANY + "/companyinfo/123"))
                        .willReturn(okJson("{\"CompanyInfo\":{\"Id\":\"1\"}}")));
    }

    private SinkConnector sink(String refreshToken) {
        return new QuickBooksConnectorType()
                .createSink(
                        harness.settings("quickbooks-online")
                                .id("qbo")
                                .authUrl(URI.create(harness.baseUrl() + TOKEN_PATH))
                                .credential("client-id", "cid")
                                .credential("client-secret", "csecret")
                                .credential("refresh-token", refreshToken)
                                .credential("realm-id", "123")
                                .option("retry.max-attempts", "2")
                                .build(),
                        new ConnectorRuntime(harness.camel(), harness.clock(), vault));
    }

    @Test
    void push_postsTheInvoiceWithARequestIdFromTheKey_andAnswersItsIdAndNumber() {
        harness.wireMock().stubFor(post(urlPathEqualTo(COMPANY + "/invoice")).willReturn(okJson(INVOICE_JSON)));

        PushReceipt receipt = sink("RT-1").push(Invoices.request(Invoices.invoice("ZY-202610-00001")));

        assertThat(receipt).isEqualTo(new PushReceipt("130", "ZY-202610-00001", null));
        harness.wireMock()
                .verify(postRequestedFor(urlPathEqualTo(COMPANY + "/invoice"))
                        .withQueryParam("minorversion", equalTo("75"))
                        .withQueryParam("requestid", equalTo("truecount-ZY-202610-00001-qbo"))
                        .withHeader("Accept", equalTo("application/json"))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withHeader("Authorization", equalTo("Bearer AT-1")));
    }

    @Test
    void refresh_usesBasicClientCredentials_andKeepsTheRolledTokenInTheVault() {
        sink("RT-1").checkConnection();

        String basic = Base64.getEncoder().encodeToString("cid:csecret".getBytes(StandardCharsets.UTF_8));
        harness.wireMock()
                .verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                        .withHeader("Authorization", equalTo("Basic " + basic))
                        .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=RT-1")));
        harness.wireMock()
                .verify(getRequestedFor(urlPathEqualTo(COMPANY + "/companyinfo/123"))
                        .withQueryParam("minorversion", equalTo("75")));
        assertThat(vault.load("qbo", "refresh-token")).contains("RT-2");
    }

    @Test
    void nextInstance_refreshesWithTheVaultsTokenRatherThanTheConfiguredOne() {
        vault.save("qbo", "refresh-token", "RT-from-vault");

        sink("RT-1").checkConnection();

        harness.wireMock()
                .verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                        .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=RT-from-vault")));
        assertThat(vault.load("qbo", "refresh-token")).contains("RT-2");
    }

    @Test
    void refusedRefreshToken_isACredentialsError() {
        harness.wireMock()
                .stubFor(post(urlPathEqualTo(TOKEN_PATH))
                        .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));

        assertThatThrownBy(() -> sink("RT-1").checkConnection())
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("invalid_grant")
                .hasMessageNotContaining("csecret");
    }

    @Test
    void find_queriesByDocNumber_escapingQuotes() {
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(COMPANY + "/query"))
                        .willReturn(okJson(
                                "{\"QueryResponse\":{\"Invoice\":[{\"Id\":\"131\",\"DocNumber\":\"ZY-O'1\"}]}}")));

        PushRequest request = Invoices.request(Invoices.invoice("ZY-O'1"));
        assertThat(sink("RT-1").find(request)).contains(new PushReceipt("131", "ZY-O'1", null));

        harness.wireMock()
                .verify(getRequestedFor(urlPathEqualTo(COMPANY + "/query"))
                        .withQueryParam("query", equalTo("select * from Invoice where DocNumber = 'ZY-O\\'1'"))
                        .withQueryParam("minorversion", equalTo("75")));
    }

    @Test
    void find_withNoMatch_isEmpty() {
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(COMPANY + "/query")).willReturn(okJson("{\"QueryResponse\":{}}")));

        assertThat(sink("RT-1").find(Invoices.request(Invoices.invoice("ZY-202610-00001"))))
                .isEmpty();
    }

    @Test
    void validationFault_isAFinalErrorWithQuickBooksWords() {
        harness.wireMock()
                .stubFor(post(urlPathEqualTo(COMPANY + "/invoice"))
                        .willReturn(aResponse()
                                .withStatus(400)
                                .withBody("{\"Fault\":{\"Error\":[{\"Message\":\"Duplicate Document Number Error\","
                                        + "\"Detail\":\"DocNumber=ZY-202610-00001 is taken\",\"code\":\"6140\"}],"
                                        + "\"type\":\"ValidationFault\"}}")));

        assertThatThrownBy(() -> sink("RT-1").push(Invoices.request(Invoices.invoice("ZY-202610-00001"))))
                .isInstanceOf(SourceException.class)
                .isNotInstanceOf(SourceUnavailableException.class)
                .hasMessage("connector 'qbo': QuickBooks refused creating invoice ZY-202610-00001 with HTTP 400:"
                        + " Duplicate Document Number Error: DocNumber=ZY-202610-00001 is taken (code 6140)");
    }

    @Test
    void throttleExceeded_isRetriedAfterRetryAfter() {
        harness.wireMock()
                .stubFor(post(urlPathEqualTo(COMPANY + "/invoice"))
                        .inScenario("throttle")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse()
                                .withStatus(429)
                                .withHeader("Retry-After", "0")
                                .withBody(
                                        "{\"Fault\":{\"Error\":[{\"Message\":\"ThrottleExceeded\",\"code\":\"003001\"}],"
                                                + "\"type\":\"SERVICE\"}}"))
                        .willSetStateTo("served"));
        harness.wireMock()
                .stubFor(post(urlPathEqualTo(COMPANY + "/invoice"))
                        .inScenario("throttle")
                        .whenScenarioStateIs("served")
                        .willReturn(okJson(INVOICE_JSON)));

        PushReceipt receipt = sink("RT-1").push(Invoices.request(Invoices.invoice("ZY-202610-00001")));

        assertThat(receipt.externalId()).isEqualTo("130");
        harness.wireMock().verify(2, postRequestedFor(urlPathEqualTo(COMPANY + "/invoice")));
    }

    @Test
    void expiredAccessToken_isRefreshedOnceAndTheCallRepeated() {
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(COMPANY + "/companyinfo/123"))
                        .inScenario("expiry")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                aResponse().withStatus(401).withBody("{\"fault\":{\"error\":[{\"code\":\"3200\"}]}}"))
                        .willSetStateTo("renewed"));
        harness.wireMock()
                .stubFor(get(urlPathEqualTo(COMPANY + "/companyinfo/123"))
                        .inScenario("expiry")
                        .whenScenarioStateIs("renewed")
                        .willReturn(okJson("{\"CompanyInfo\":{\"Id\":\"1\"}}")));

        sink("RT-1").checkConnection();

        harness.wireMock().verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        harness.wireMock().verify(2, getRequestedFor(urlPathEqualTo(COMPANY + "/companyinfo/123")));
    }
}
