package io.truecount.connector.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.Secret;
import io.truecount.connector.testing.TestClock;
import io.truecount.connector.webhook.InboundEvent;
import io.truecount.connector.webhook.Signatures;
import io.truecount.connector.webhook.WebhookRejectedException;
import io.truecount.connector.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeWebhookReceiverTest {

    // vendor-apis.md §8: Stripe test vector.
    private static final String VECTOR_BODY = "{\"id\":\"evt_test_1\",\"type\":\"invoice.paid\"}";
    private static final String VECTOR_SECRET = "whsec_test_secret";
    private static final long VECTOR_T = 1_700_000_000L;
    private static final String VECTOR_V1 = "2117e503e00879f29706fae05f8b387ed0e5ac12f5e1cd602064bf183a1ca16b";

    private final TestClock clock = new TestClock(Instant.ofEpochSecond(VECTOR_T + 10));

    private StripeWebhookReceiver receiver(String... secrets) {
        return new StripeWebhookReceiver(
                java.util.Arrays.stream(secrets).map(s -> new Secret(s, "test")).toList(), clock);
    }

    private static WebhookRequest request(String signature, String body) {
        Map<String, List<String>> headers =
                signature == null ? Map.of() : Map.of("stripe-signature", List.of(signature));
        return new WebhookRequest(
                headers, Map.of(), "application/json", body.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
    }

    private static String sign(String secret, long t, String body) {
        return Signatures.hex(Signatures.hmacSha256(secret, (t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void testVector_matchesTheDocumentedSignature() {
        assertThat(sign(VECTOR_SECRET, VECTOR_T, VECTOR_BODY)).isEqualTo(VECTOR_V1);

        List<InboundEvent> events =
                receiver(VECTOR_SECRET).verify(request("t=" + VECTOR_T + ",v1=" + VECTOR_V1, VECTOR_BODY));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo("evt_test_1");
            assertThat(e.type()).isEqualTo("invoice.paid");
            assertThat(e.payloadText()).isEqualTo(VECTOR_BODY);
        });
    }

    @Test
    void upperCaseHexAndV0_areAccepted_v0IsIgnored() {
        String header = "t=" + VECTOR_T + ",v0=deadbeef,v1=" + VECTOR_V1.toUpperCase();

        assertThat(receiver(VECTOR_SECRET).verify(request(header, VECTOR_BODY))).hasSize(1);
    }

    @Test
    void duplicateDelivery_givesTheSameEventIdBothTimes() {
        StripeWebhookReceiver receiver = receiver(VECTOR_SECRET);
        String header = "t=" + VECTOR_T + ",v1=" + VECTOR_V1;

        InboundEvent first = receiver.verify(request(header, VECTOR_BODY)).get(0);
        InboundEvent again = receiver.verify(request(header, VECTOR_BODY)).get(0);

        assertThat(again.eventId()).isEqualTo(first.eventId()).isEqualTo("evt_test_1");
    }

    @Test
    void rotation_twoV1Signatures_eitherConfiguredSecretMatches() {
        String header = "t=" + VECTOR_T + ",v1=" + sign("whsec_old", VECTOR_T, VECTOR_BODY) + ",v1="
                + sign("whsec_new", VECTOR_T, VECTOR_BODY);

        assertThat(receiver("whsec_new").verify(request(header, VECTOR_BODY))).hasSize(1);
        assertThat(receiver("whsec_old").verify(request(header, VECTOR_BODY))).hasSize(1);
        assertThat(receiver("whsec_other", "whsec_new").verify(request(header, VECTOR_BODY)))
                .hasSize(1);
        assertThatThrownBy(() -> receiver("whsec_other").verify(request(header, VECTOR_BODY)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(401));
    }

    @Test
    void staleTimestamp_isRejectedBeyond300Seconds_acceptedAtTheEdge() {
        String header = "t=" + VECTOR_T + ",v1=" + VECTOR_V1;
        clock.set(Instant.ofEpochSecond(VECTOR_T).plus(Duration.ofSeconds(300)));
        assertThat(receiver(VECTOR_SECRET).verify(request(header, VECTOR_BODY))).hasSize(1);

        clock.set(Instant.ofEpochSecond(VECTOR_T).plus(Duration.ofSeconds(301)));
        assertThatThrownBy(() -> receiver(VECTOR_SECRET).verify(request(header, VECTOR_BODY)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("301 s").doesNotContain(VECTOR_V1);
                });

        clock.set(Instant.ofEpochSecond(VECTOR_T).minus(Duration.ofSeconds(301)));
        assertThatThrownBy(() -> receiver(VECTOR_SECRET).verify(request(header, VECTOR_BODY)))
                .isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void tamperedBody_orTimestamp_isRejected() {
        String header = "t=" + VECTOR_T + ",v1=" + VECTOR_V1;
        String tampered = VECTOR_BODY.replace("evt_test_1", "evt_test_2");

        assertThatThrownBy(() -> receiver(VECTOR_SECRET).verify(request(header, tampered)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(401));
        String otherT = "t=" + (VECTOR_T + 1) + ",v1=" + VECTOR_V1;
        assertThatThrownBy(() -> receiver(VECTOR_SECRET).verify(request(otherT, VECTOR_BODY)))
                .isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void missingOrIncompleteHeader_isRejected401() {
        for (String header : new String[] {null, "", "t=" + VECTOR_T, "v1=" + VECTOR_V1, "garbage"}) {
            assertThatThrownBy(() -> receiver(VECTOR_SECRET).verify(request(header, VECTOR_BODY)))
                    .as("header %s", header)
                    .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                            .isEqualTo(401));
        }
    }

    @Test
    void noConfiguredSecret_rejectsEverything() {
        assertThatThrownBy(() -> receiver().verify(request("t=" + VECTOR_T + ",v1=" + VECTOR_V1, VECTOR_BODY)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(401));
    }

    @Test
    void signedButUnusableBody_is400() {
        for (String body : new String[] {"not json", "{\"type\":\"invoice.paid\"}", "{\"id\":\"evt_1\"}"}) {
            String header = "t=" + VECTOR_T + ",v1=" + sign(VECTOR_SECRET, VECTOR_T, body);
            assertThatThrownBy(() -> receiver(VECTOR_SECRET).verify(request(header, body)))
                    .as(body)
                    .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                            .isEqualTo(400));
        }
    }
}
