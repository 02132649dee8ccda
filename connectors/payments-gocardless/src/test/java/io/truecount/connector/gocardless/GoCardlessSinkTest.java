package io.truecount.connector.gocardless;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.CredentialsException;
import io.truecount.connector.SourceException;
import io.truecount.connector.SourceUnavailableException;
import io.truecount.connector.push.PushReceipt;
import io.truecount.connector.push.PushRequest;
import io.truecount.connector.push.SinkConnector;
import io.truecount.connector.testing.ConnectorHarness;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GoCardlessSinkTest {

    @RegisterExtension
    static final ConnectorHarness harness = new ConnectorHarness();

    private static final String NUMBER = "ZY-202610-00001";
    private static final PushRequest PUSH = Invoices.push(Invoices.october(NUMBER), "MD0001");
    private static final String PAYMENT = "{\"payments\":{\"id\":\"PM0042\",\"amount\":135070,\"currency\":\"GBP\","
            + "\"status\":\"pending_submission\",\"metadata\":{\"truecount_invoice\":\"" + NUMBER + "\"},"
            + "\"links\":{\"mandate\":\"MD0001\"}}}";

    private SinkConnector sink() {
        return new GoCardlessConnectorType()
                .createSink(
                        harness.settings("gocardless")
                                .id("gc")
                                .credential("access-token", "live_token")
                                .credential("webhook-secret", "whsec")
                                .option("retry.max-attempts", "2")
                                .build(),
                        harness.runtime());
    }

    private static String error(int code, String type, String reason, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"code\":" + code
                + ",\"errors\":[{\"reason\":\"" + reason + "\",\"message\":\"" + message + "\"}],"
                + "\"request_id\":\"RQ1\"}}";
    }

    @Test
    void typeIsFoundByServiceLoader_asAPaymentsSinkThatReceivesWebhooks() {
        ConnectorType type = ServiceLoader.load(ConnectorType.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(t -> t.name().equals("gocardless"))
                .findFirst()
                .orElseThrow();

        assertThat(type.role()).isEqualTo(ConnectorRole.PAYMENTS);
        assertThat(type.requiredCredentials()).containsExactlyInAnyOrder("access-token", "webhook-secret");
        assertThat(type.receivesWebhooks()).isTrue();
        assertThat(type.defaultBaseUrl()).hasToString("https://api.gocardless.com");
    }

    @Test
    void push_postsThePayment_withBearerVersionAndIdempotencyKey() {
        harness.wireMock()
                .stubFor(
                        post("/payments").willReturn(aResponse().withStatus(201).withBody(PAYMENT)));

        PushReceipt receipt = sink().push(PUSH);

        assertThat(receipt).isEqualTo(new PushReceipt("PM0042", null, null));
        harness.wireMock()
                .verify(postRequestedFor(urlEqualTo("/payments"))
                        .withHeader("Authorization", equalTo("Bearer live_token"))
                        .withHeader("GoCardless-Version", equalTo("2015-07-06"))
                        .withHeader("Idempotency-Key", equalTo("truecount-" + NUMBER + "-gc"))
                        .withRequestBody(equalToJson("{\"payments\":{\"amount\":135070,\"currency\":\"GBP\","
                                + "\"description\":\"Invoice " + NUMBER + ", 2026-10-01 to 2026-10-31\","
                                + "\"metadata\":{\"truecount_invoice\":\"" + NUMBER + "\"},"
                                + "\"links\":{\"mandate\":\"MD0001\"}}}")));
    }

    @Test
    void idempotentCreationConflict_readsTheExistingPayment_andReturnsIt() {
        harness.wireMock()
                .stubFor(post("/payments")
                        .willReturn(aResponse()
                                .withStatus(409)
                                .withBody("{\"error\":{\"type\":\"invalid_state\",\"code\":409,\"message\":\"A resource"
                                        + " has already been created with this idempotency key\",\"errors\":[{"
                                        + "\"reason\":\"idempotent_creation_conflict\",\"message\":\"x\","
                                        + "\"links\":{\"conflicting_resource_id\":\"PM0042\"}}]}}")));
        harness.wireMock()
                .stubFor(get("/payments/PM0042").willReturn(aResponse().withBody(PAYMENT)));

        assertThat(sink().push(PUSH).externalId()).isEqualTo("PM0042");
        harness.wireMock().verify(1, getRequestedFor(urlEqualTo("/payments/PM0042")));
    }

    @Test
    void conflictWithAPaymentOfAnotherAmount_isRefused_notTakenForThisInvoice() {
        harness.wireMock()
                .stubFor(post("/payments")
                        .willReturn(aResponse()
                                .withStatus(409)
                                .withBody("{\"error\":{\"type\":\"invalid_state\",\"code\":409,\"errors\":[{"
                                        + "\"reason\":\"idempotent_creation_conflict\","
                                        + "\"links\":{\"conflicting_resource_id\":\"PM0042\"}}]}}")));
        harness.wireMock()
                .stubFor(get("/payments/PM0042").willReturn(aResponse().withBody(PAYMENT.replace("135070", "100000"))));

        assertThatThrownBy(() -> sink().push(PUSH))
                .isExactlyInstanceOf(SourceException.class)
                .hasMessageContaining("PM0042")
                .hasMessageContaining("amount is 100000, not 135070");
    }

    @Test
    void validationFailure_isAFinalSourceException_withGoCardlessMessages() {
        harness.wireMock()
                .stubFor(post("/payments")
                        .willReturn(aResponse()
                                .withStatus(422)
                                .withBody("{\"error\":{\"message\":\"Validation failed\",\"type\":"
                                        + "\"validation_failed\",\"code\":422,\"errors\":[{\"field\":\"currency\","
                                        + "\"message\":\"must be EUR for a SEPA mandate\",\"request_pointer\":"
                                        + "\"/payments/currency\"}],\"request_id\":\"RQ7\"}}")));

        assertThatThrownBy(() -> sink().push(PUSH))
                .isExactlyInstanceOf(SourceException.class)
                .hasMessageContaining("connector 'gc'")
                .hasMessageContaining("HTTP 422 validation_failed: Validation failed")
                .hasMessageContaining("currency must be EUR for a SEPA mandate")
                .hasMessageContaining("RQ7");
    }

    @Test
    void refusedToken_isACredentialsException_withoutTheToken() {
        harness.wireMock()
                .stubFor(get(urlPathEqualTo("/creditors"))
                        .willReturn(aResponse()
                                .withStatus(401)
                                .withBody(error(401, "invalid_api_usage", "unauthorized", "Unauthorized"))));
        harness.wireMock()
                .stubFor(post("/payments")
                        .willReturn(aResponse()
                                .withStatus(403)
                                .withBody(error(
                                        403, "invalid_api_usage", "insufficient_permissions", "Read-only token"))));

        assertThatThrownBy(() -> sink().checkConnection())
                .isInstanceOfSatisfying(CredentialsException.class, e -> assertThat(e.vendorErrorCode())
                        .isEqualTo("unauthorized"))
                .message()
                .doesNotContain("live_token");
        assertThatThrownBy(() -> sink().push(PUSH))
                .isInstanceOf(CredentialsException.class)
                .hasMessageContaining("read-write");
    }

    @Test
    void serverErrorsThatOutlastRetries_areUnavailable_soTheOutboxLooksBeforeRetrying() {
        harness.wireMock().stubFor(post("/payments").willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> sink().push(PUSH)).isInstanceOf(SourceUnavailableException.class);
        harness.wireMock().verify(2, postRequestedFor(urlEqualTo("/payments")));
    }

    @Test
    void find_followsCursorsThroughTheMandatesPayments_untilTheInvoiceNumberMatches() {
        harness.wireMock()
                .stubFor(get("/payments?mandate=MD0001&limit=500")
                        .willReturn(aResponse()
                                .withBody("{\"payments\":[{\"id\":\"PM0050\",\"metadata\":{\"truecount_invoice\":"
                                        + "\"ZY-202611-00001\"}}],\"meta\":{\"cursors\":{\"before\":null,\"after\":"
                                        + "\"PM0050\"},\"limit\":500}}")));
        harness.wireMock()
                .stubFor(get("/payments?mandate=MD0001&limit=500&after=PM0050")
                        .willReturn(aResponse()
                                .withBody("{\"payments\":[{\"id\":\"PM0042\",\"metadata\":{\"truecount_invoice\":\""
                                        + NUMBER + "\"}}],\"meta\":{\"cursors\":{\"before\":\"PM0042\",\"after\":"
                                        + "null},\"limit\":500}}")));

        assertThat(sink().find(PUSH)).contains(new PushReceipt("PM0042", null, null));
        assertThat(sink().find(Invoices.push(Invoices.october("ZY-202609-00001"), "MD0001")))
                .isEqualTo(Optional.empty());
    }
}
