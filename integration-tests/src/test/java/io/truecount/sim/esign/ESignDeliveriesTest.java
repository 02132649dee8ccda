package io.truecount.sim.esign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.connector.ConnectorSettings;
import io.truecount.connector.ConnectorType;
import io.truecount.connector.Secret;
import io.truecount.connector.webhook.InboundEvent;
import io.truecount.connector.webhook.WebhookEffect;
import io.truecount.connector.webhook.WebhookEffect.SignatureKind;
import io.truecount.connector.webhook.WebhookReceiver;
import io.truecount.connector.webhook.WebhookRejectedException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The deliveries pass the real receivers, as the application's webhook endpoint finds them. */
class ESignDeliveriesTest {

    private static final Instant AT = Instant.parse("2026-05-13T14:59:58Z");
    private static final Instant RECEIVED = AT.plusSeconds(5);

    @Test
    void docuSign_deliveriesSignedWithEitherConfiguredKeyAreVerifiedAndInterpreted() {
        WebhookReceiver receiver = receiver("docusign", Map.of("hmac-keys[0]", "old", "hmac-keys[1]", "new"));
        DocuSignDeliveries connect = new DocuSignDeliveries("unknown-to-truecount", "new");

        SignedDelivery completed = connect.completed("env-77", "C-77", AT);
        List<InboundEvent> events = receiver.verify(completed.toRequest(RECEIVED));

        assertThat(events)
                .extracting(InboundEvent::eventId)
                .containsExactly(DocuSignDeliveries.eventId("envelope-completed", "env-77", AT));
        assertThat(receiver.interpret(events.get(0)))
                .isEqualTo(new WebhookEffect.Signature(
                        SignatureKind.COMPLETED, "env-77", AT, "Pat Lee <ceo@acme.example>"));
        assertThat(receiver.verify(connect.notification("envelope-completed", "env-77", "C-77", AT, 2)
                                .toRequest(RECEIVED))
                        .get(0)
                        .eventId())
                .isEqualTo(events.get(0).eventId());
        assertThat(kind(receiver, connect.declined("env-77", "C-77", AT))).isEqualTo(SignatureKind.DECLINED);
        assertThat(kind(receiver, connect.voided("env-77", "C-77", AT))).isEqualTo(SignatureKind.VOIDED);
        assertThat(receiver.interpret(
                        receiver.verify(connect.sent("env-77", "C-77", AT).toRequest(RECEIVED))
                                .get(0)))
                .isInstanceOf(WebhookEffect.Ignored.class);
        assertRefused(receiver, completed.forged("env-77", "env-78"));
        assertRefused(receiver, new DocuSignDeliveries("other").completed("env-77", "C-77", AT));
    }

    @Test
    void dropboxSign_deliveriesAreVerifiedInterpretedAndAcknowledgedWithTheExactText() {
        WebhookReceiver receiver = receiver("dropbox-sign", Map.of("api-key", "dbs-key"));
        DropboxSignDeliveries dropbox = new DropboxSignDeliveries("dbs-key");

        SignedDelivery allSigned = dropbox.allSigned("sr-77", "C-77", AT);
        List<InboundEvent> events = receiver.verify(allSigned.toRequest(RECEIVED));

        assertThat(events)
                .extracting(InboundEvent::eventId)
                .containsExactly(DropboxSignDeliveries.eventId("signature_request_all_signed", "sr-77", AT));
        assertThat(receiver.interpret(events.get(0)))
                .isEqualTo(new WebhookEffect.Signature(
                        SignatureKind.COMPLETED, "sr-77", AT, "Pat Lee <ceo@acme.example>"));
        assertThat(receiver.acknowledgement().body()).isEqualTo(DropboxSignDeliveries.ACKNOWLEDGEMENT);
        assertThat(kind(receiver, dropbox.declined("sr-77", "C-77", AT))).isEqualTo(SignatureKind.DECLINED);
        assertThat(kind(receiver, dropbox.canceled("sr-77", "C-77", AT))).isEqualTo(SignatureKind.VOIDED);
        assertThat(kind(receiver, dropbox.expired("sr-77", "C-77", AT))).isEqualTo(SignatureKind.VOIDED);
        assertThat(receiver.interpret(receiver.verify(dropbox.callbackTest(AT).toRequest(RECEIVED))
                        .get(0)))
                .isInstanceOf(WebhookEffect.Ignored.class);
        assertRefused(receiver, allSigned.forged("signature_request_all_signed", "signature_request_declined"));
    }

    @Test
    void pandaDoc_batchesGiveOneEventPerNotificationAndForgeriesAreRefused() {
        WebhookReceiver receiver = receiver("pandadoc", Map.of("webhook-key", "pd-key"));
        PandaDocDeliveries pandadoc = new PandaDocDeliveries("pd-key");

        SignedDelivery batch = pandadoc.batch(
                "d-1",
                pandadoc.stateChanged("doc-77", "C-77", "document.viewed", AT.minusSeconds(60)),
                pandadoc.stateChanged("doc-77", "C-77", "document.completed", AT));
        List<InboundEvent> events = receiver.verify(batch.toRequest(RECEIVED));

        assertThat(batch.pathAndQuery("/webhooks/pandadoc")).startsWith("/webhooks/pandadoc?signature=");
        assertThat(events).extracting(InboundEvent::eventId).containsExactly("d-1/0", "d-1/1");
        assertThat(receiver.interpret(events.get(0))).isInstanceOf(WebhookEffect.Ignored.class);
        assertThat(receiver.interpret(events.get(1)))
                .isEqualTo(new WebhookEffect.Signature(
                        SignatureKind.COMPLETED, "doc-77", AT, "Pat Lee <ceo@acme.example>"));
        assertThat(kind(receiver, pandadoc.declined("doc-77", "C-77", AT))).isEqualTo(SignatureKind.DECLINED);
        assertThat(kind(receiver, pandadoc.voided("doc-77", "C-77", AT))).isEqualTo(SignatureKind.VOIDED);
        assertRefused(receiver, batch.forged("document.viewed", "document.voided"));
        assertRefused(receiver, batch.without("signature"));
    }

    private static SignatureKind kind(WebhookReceiver receiver, SignedDelivery delivery) {
        WebhookEffect effect =
                receiver.interpret(receiver.verify(delivery.toRequest(RECEIVED)).get(0));
        return ((WebhookEffect.Signature) effect).kind();
    }

    private static void assertRefused(WebhookReceiver receiver, SignedDelivery delivery) {
        assertThatThrownBy(() -> receiver.verify(delivery.toRequest(RECEIVED)))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status())
                        .isEqualTo(401));
    }

    private static WebhookReceiver receiver(String typeName, Map<String, String> credentials) {
        ConnectorType type = ServiceLoader.load(ConnectorType.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(t -> t.name().equals(typeName))
                .findFirst()
                .orElseThrow();
        Map<String, Secret> secrets = new java.util.HashMap<>();
        credentials.forEach((key, value) -> secrets.put(key, new Secret(value, "test")));
        ConnectorSettings settings =
                new ConnectorSettings("esign", typeName, null, null, secrets, null, null, Map.of(), null, Map.of());
        return type.createWebhookReceiver(settings, null);
    }
}
