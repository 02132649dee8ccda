package io.truecount.connector.xero;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XeroRefusedExceptionTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void validationException_namesEveryValidationMessage() {
        String body =
                """
                {"ErrorNumber":10,"Type":"ValidationException","Message":"A validation exception occurred",
                 "Elements":[{"InvoiceNumber":"ZY-1","ValidationErrors":[{"Message":"Invoice # must be unique."},
                 {"Message":"Account code '999' is not a valid code for this document."}]}]}""";

        XeroRefusedException refused = XeroRefusedException.of("xero", "PUT /Invoices for ZY-1", 400, bytes(body));

        assertThat(refused.vendorMessages())
                .containsExactly(
                        "Invoice # must be unique.", "Account code '999' is not a valid code for this document.");
        assertThat(refused.isDuplicateNumber()).isTrue();
        assertThat(refused.getMessage())
                .isEqualTo("connector 'xero': Xero refused PUT /Invoices for ZY-1 (HTTP 400): Invoice # must be"
                        + " unique.; Account code '999' is not a valid code for this document.");
    }

    @Test
    void problemDetails_useTheDetail() {
        String body =
                "{\"Type\":null,\"Title\":\"Forbidden\",\"Status\":403,\"Detail\":\"AuthenticationUnsuccessful\"}";

        assertThat(XeroRefusedException.messages(bytes(body))).containsExactly("AuthenticationUnsuccessful");
    }

    @Test
    void bodyThatIsNotJson_saysNoReason() {
        XeroRefusedException refused = XeroRefusedException.of("xero", "GET /Organisation", 404, bytes("<html/>"));

        assertThat(refused.vendorMessages()).isEmpty();
        assertThat(refused.isDuplicateNumber()).isFalse();
        assertThat(refused.getMessage()).endsWith("(HTTP 404): no reason given");
    }
}
