package io.truecount.connector.dropboxsign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.webhook.InboundEvent;
import io.truecount.connector.webhook.Signatures;
import io.truecount.connector.webhook.WebhookEffect;
import io.truecount.connector.webhook.WebhookEffect.SignatureKind;
import io.truecount.connector.webhook.WebhookRejectedException;
import io.truecount.connector.webhook.WebhookRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DropboxSignReceiverTest {

    private static final String API_KEY = "test_api_key";
    private static final String REQUEST_ID = "fa5c8a0b0f492d768749333ad6fcc214c111e967";
    private static final String BOUNDARY = "------------------------d74496d66958873e";

    private final DropboxSignReceiver receiver = new DropboxSignReceiver(API_KEY);

    @Test
    void testVector_eventHashOfVendorApisSection8_isAccepted() {
        String json = event(
                "1700000000",
                "signature_request_all_signed",
                "e0e3627a0d4c15dc27c72caea02398ca18f323d9cfd8febce87291b3a1c18dd6",
                "");

        List<InboundEvent> events = receiver.verify(multipart(json));

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo(REQUEST_ID + "/signature_request_all_signed/1700000000");
            assertThat(event.type()).isEqualTo("signature_request_all_signed");
            assertThat(event.payloadText()).isEqualTo(json);
        });
    }

    @Test
    void upperCaseHexHash_isAcceptedToo() {
        String json = event(
                "1700000000",
                "signature_request_all_signed",
                "E0E3627A0D4C15DC27C72CAEA02398CA18F323D9CFD8FEBCE87291B3A1C18DD6",
                "");

        assertThat(receiver.verify(multipart(json))).hasSize(1);
    }

    @Test
    void hashOfAnotherEventType_isUnauthorized() {
        // The vector's hash, but the type changed: someone replaying a captured hash with another meaning.
        String json = event(
                "1700000000",
                "signature_request_declined",
                "e0e3627a0d4c15dc27c72caea02398ca18f323d9cfd8febce87291b3a1c18dd6",
                "");

        assertThatThrownBy(() -> receiver.verify(multipart(json)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(401));
    }

    @Test
    void anotherApiKey_isUnauthorized() {
        String json = signed("1700000000", "signature_request_all_signed", "");

        assertThatThrownBy(() -> new DropboxSignReceiver("other_key").verify(multipart(json)))
                .isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void bodyWithoutJsonField_isUnauthorized() {
        byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--" + BOUNDARY
                        + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> receiver.verify(request("multipart/form-data; boundary=" + BOUNDARY, body)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(401));
    }

    @Test
    void multipart_findsTheJsonFieldAmongOtherPartsWithUtf8AndQuotedBoundary() {
        String json = signed("1700000300", "signature_request_signed", ",\"title\":\"Vertrag Müller – MSA\"");
        String boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"json\"\r\n"
                        + "Content-Type: application/json; charset=UTF-8\r\n\r\n" + json + "\r\n"
                        + "--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);

        String found = CallbackBody.eventJson("multipart/form-data; boundary=\"" + boundary + "\"", body);

        assertThat(found).isEqualTo(json).contains("Müller – MSA");
    }

    @Test
    void urlencodedJsonField_isAccepted() {
        String json = signed("1700000000", "signature_request_all_signed", "");
        byte[] body = ("json=" + URLEncoder.encode(json, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);

        assertThat(receiver.verify(request("application/x-www-form-urlencoded", body)))
                .singleElement()
                .satisfies(event -> assertThat(event.payloadText()).isEqualTo(json));
    }

    @Test
    void acknowledgement_isTheExactTextDropboxSignExpects() {
        assertThat(receiver.acknowledgement().body()).isEqualTo("Hello API Event Received");
        assertThat(receiver.acknowledgement().contentType()).isEqualTo("text/plain");
    }

    @Test
    void allSigned_isCompletedByTheLastSigner() {
        String json = signed("1700000000", "signature_request_all_signed", signatures("signed", "signed"));

        assertThat(interpret(json))
                .isEqualTo(new WebhookEffect.Signature(
                        SignatureKind.COMPLETED,
                        REQUEST_ID,
                        Instant.ofEpochSecond(1700000000),
                        "Pat Lee <ceo@acme.example>"));
    }

    @Test
    void declined_namesTheSignerWhoDeclined() {
        String json = signed("1700000100", "signature_request_declined", signatures("signed", "declined"));

        assertThat(interpret(json))
                .isEqualTo(new WebhookEffect.Signature(
                        SignatureKind.DECLINED,
                        REQUEST_ID,
                        Instant.ofEpochSecond(1700000100),
                        "Pat Lee <ceo@acme.example>"));
    }

    @Test
    void canceledAndExpired_areVoided() {
        for (String type : List.of("signature_request_canceled", "signature_request_expired")) {
            assertThat(interpret(signed("1700000200", type, "")))
                    .isEqualTo(new WebhookEffect.Signature(
                            SignatureKind.VOIDED, REQUEST_ID, Instant.ofEpochSecond(1700000200), null));
        }
    }

    @Test
    void vendorExampleOfASentRequest_isIgnored() throws IOException {
        String json = withOwnHash(example("EventCallbackAccountSignatureRequestSent.json"));

        InboundEvent event = receiver.verify(multipart(json)).get(0);

        assertThat(event.eventId()).isEqualTo(REQUEST_ID + "/signature_request_sent/1348177752");
        assertThat(receiver.interpret(event))
                .isEqualTo(new WebhookEffect.Ignored(
                        "Dropbox Sign event signature_request_sent", Instant.ofEpochSecond(1348177752)));
    }

    @Test
    void vendorExampleOfAnAccountEvent_isKeyedByTheAccount() throws IOException {
        String json = withOwnHash(example("EventCallbackAppAccountConfirmed.json"));

        InboundEvent event = receiver.verify(multipart(json)).get(0);

        assertThat(event.eventId()).isEqualTo("5008b25c7f67153e57d5a357b1687968068fb465/account_confirmed/1348177752");
        assertThat(receiver.interpret(event)).isInstanceOf(WebhookEffect.Ignored.class);
    }

    @Test
    void callbackTest_isIgnored() {
        String json = "{\"event\":{\"event_time\":\"1700000000\",\"event_type\":\"callback_test\",\"event_hash\":\""
                + hash("1700000000", "callback_test") + "\",\"event_metadata\":{}}}";

        InboundEvent event = receiver.verify(multipart(json)).get(0);

        assertThat(event.eventId()).isEqualTo("account/callback_test/1700000000");
        assertThat(receiver.interpret(event)).isInstanceOf(WebhookEffect.Ignored.class);
    }

    private WebhookEffect interpret(String json) {
        return receiver.interpret(receiver.verify(multipart(json)).get(0));
    }

    private static String signatures(String firstStatus, String secondStatus) {
        return ",\"signatures\":[{\"signature_id\":\"s1\",\"signer_email_address\":\"cfo@acme.example\","
                + "\"signer_name\":\"Sam Roe\",\"status_code\":\"" + firstStatus + "\",\"signed_at\":1699990000},"
                + "{\"signature_id\":\"s2\",\"signer_email_address\":\"ceo@acme.example\",\"signer_name\":\"Pat Lee\","
                + "\"status_code\":\"" + secondStatus + "\",\"signed_at\":"
                + ("signed".equals(secondStatus) ? "1699999999" : "null") + "}]";
    }

    private static String signed(String time, String type, String requestFields) {
        return event(time, type, hash(time, type), requestFields);
    }

    private static String event(String time, String type, String hash, String requestFields) {
        return "{\"event\":{\"event_time\":\"" + time + "\",\"event_type\":\"" + type + "\",\"event_hash\":\"" + hash
                + "\",\"event_metadata\":{\"related_signature_id\":null,\"reported_for_account_id\":\"63522885\"}},"
                + "\"signature_request\":{\"signature_request_id\":\"" + REQUEST_ID + "\",\"is_complete\":true"
                + requestFields + "}}";
    }

    private static String hash(String time, String type) {
        return Signatures.hex(Signatures.hmacSha256(API_KEY, (time + type).getBytes(StandardCharsets.UTF_8)));
    }

    private static String withOwnHash(String json) {
        String type = json.replaceAll("(?s).*\"event_type\": \"([a-z_]+)\".*", "$1");
        return json.replace(
                "3a31324d1919d7cdc849ff407adf38fc01e01107d9400b028ff8c892469ca947", hash("1348177752", type));
    }

    private static String example(String name) throws IOException {
        try (InputStream in = DropboxSignReceiverTest.class.getResourceAsStream("/dropboxsign/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static WebhookRequest multipart(String json) {
        byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n" + json + "\r\n--"
                        + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        return request("multipart/form-data; boundary=" + BOUNDARY, body);
    }

    private static WebhookRequest request(String contentType, byte[] body) {
        return new WebhookRequest(
                Map.of("Content-Type", List.of(contentType), "User-Agent", List.of("HelloSign API")),
                Map.of(),
                contentType,
                body,
                Instant.parse("2026-05-13T15:00:00Z"));
    }
}
