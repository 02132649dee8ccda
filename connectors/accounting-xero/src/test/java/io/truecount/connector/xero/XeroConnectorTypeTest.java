package io.truecount.connector.xero;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.connector.ConnectorRole;
import io.truecount.connector.ConnectorType;
import java.net.URI;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class XeroConnectorTypeTest {

    @Test
    void serviceLoader_findsTheXeroType() {
        assertThat(ServiceLoader.load(ConnectorType.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(type -> type.name().equals("xero"))
                .singleElement()
                .satisfies(type -> {
                    assertThat(type.role()).isEqualTo(ConnectorRole.ACCOUNTING);
                    assertThat(type.requiredCredentials())
                            .containsExactlyInAnyOrder("client-id", "client-secret", "tenant-id");
                    assertThat(type.defaultBaseUrl()).isEqualTo(URI.create("https://api.xero.com/api.xro/2.0"));
                    assertThat(type.optionKeys()).contains("status", "account-code", "tax-type", "timeout-seconds");
                    assertThat(type.receivesWebhooks()).isFalse();
                });
    }

    @Test
    void status_mustBeOneXeroCreatesIn() {
        XeroConnectorType type = new XeroConnectorType();

        assertThat(type.optionProblem("status", "DRAFT")).isNull();
        assertThat(type.optionProblem("status", "PAID"))
                .isEqualTo("'status' must be one of AUTHORISED, DRAFT, SUBMITTED, not 'PAID'");
        assertThat(type.optionProblem("account-code", "4000")).isNull();
        assertThat(type.optionProblem("tax-type", " ")).isEqualTo("'tax-type' must not be empty");
    }

    @Test
    void idempotencyKey_isThePushKey_whenItFits() {
        assertThat(XeroSink.idempotencyKey("truecount-ZY-202610-00001-xero"))
                .isEqualTo("truecount-ZY-202610-00001-xero");
    }

    @Test
    void longKey_isCutTo128_andStillDiffers() {
        String a = "truecount-" + "A".repeat(200) + "-xero";
        String b = "truecount-" + "A".repeat(200) + "-xero2";

        assertThat(XeroSink.idempotencyKey(a)).hasSize(128).isEqualTo(XeroSink.idempotencyKey(a));
        assertThat(XeroSink.idempotencyKey(a)).isNotEqualTo(XeroSink.idempotencyKey(b));
    }
}
