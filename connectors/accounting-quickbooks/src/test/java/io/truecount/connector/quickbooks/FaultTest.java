package io.truecount.connector.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FaultTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void validationFault_namesMessageDetailAndCode() {
        byte[] body = bytes("{\"Fault\":{\"Error\":[{\"Message\":\"Duplicate Document Number Error\",\"Detail\":"
                + "\"Duplicate Document Number Error : DocNumber=ZY-1 is assigned to TxnId=130\",\"code\":\"6140\","
                + "\"element\":\"\"}],\"type\":\"ValidationFault\"},\"time\":\"2026-10-01T00:00:00Z\"}");

        assertThat(Fault.describe(body))
                .isEqualTo("Duplicate Document Number Error: Duplicate Document Number Error : DocNumber=ZY-1 is"
                        + " assigned to TxnId=130 (code 6140)");
        assertThat(Fault.code(body)).isEqualTo("6140");
    }

    @Test
    void authenticationFault_inLowerCase_isRead() {
        byte[] body = bytes("{\"fault\":{\"error\":[{\"message\":\"message=AuthenticationFailed; errorCode=003200\","
                + "\"detail\":\"Token expired\",\"code\":\"3200\"}],\"type\":\"AUTHENTICATION\"}}");

        assertThat(Fault.describe(body))
                .isEqualTo("message=AuthenticationFailed; errorCode=003200: Token expired (code 3200)");
    }

    @Test
    void bodyThatIsNoFault_describesNothing() {
        assertThat(Fault.describe(bytes("<html>502</html>"))).isNull();
        assertThat(Fault.code(bytes("{}"))).isNull();
    }
}
