package io.truecount.connector.quickbooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.connector.push.PushRequest;
import org.junit.jupiter.api.Test;

class RequestIdTest {

    @Test
    void pushKeyThatFits_isTheRequestIdItself() {
        String key = PushRequest.keyOf("ZY-202610-00001", "qbo");

        assertThat(RequestId.of(key)).isEqualTo("truecount-ZY-202610-00001-qbo");
    }

    @Test
    void longKey_becomesADigestOfFiftyCharacters_theSameEveryTime() {
        String key = PushRequest.keyOf("ZY-202610-00001", "quickbooks-online-main-company-books");

        String id = RequestId.of(key);

        assertThat(key).hasSizeGreaterThan(RequestId.MAX_LENGTH);
        assertThat(id).hasSize(RequestId.MAX_LENGTH).startsWith("truecount-").matches("[a-z0-9-]+");
        assertThat(RequestId.of(key)).isEqualTo(id);
        assertThat(RequestId.of(key + "x")).isNotEqualTo(id);
    }

    @Test
    void keyWithCharactersAUrlWouldEscape_becomesADigest() {
        assertThat(RequestId.of("truecount-ZY/2026 10-qbo"))
                .startsWith("truecount-")
                .hasSize(RequestId.MAX_LENGTH);
    }
}
