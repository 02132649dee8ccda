package io.truecount.connector.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void decimals_areReadExactly() throws IOException {
        BigDecimal seconds =
                Json.parse(bytes("{\"t\":1715600000.123}")).get("t").decimalValue();

        assertThat(seconds).isEqualByComparingTo("1715600000.123");
    }

    @Test
    void trailingGarbage_isRejected() {
        assertThatThrownBy(() -> Json.parse(bytes("[1] [2]"))).isInstanceOf(IOException.class);
    }

    @Test
    void emptyBody_isMissing() throws IOException {
        assertThat(Json.parse(new byte[0]).isMissingNode()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"error\":\"invalid_client\"}|invalid_client",
                "{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}|InvalidAuthenticationToken",
                "{\"resultCode\":\"FAILURE\"}|FAILURE",
                "{\"code\":401}|401",
            })
    void errorCode_isFoundInTheUsualPlaces(String body, String code) {
        assertThat(Json.errorCode(bytes(body))).isEqualTo(code);
    }

    @Test
    void errorCode_ofNonJson_isNull() {
        assertThat(Json.errorCode(bytes("<html>502 Bad Gateway</html>"))).isNull();
    }
}
