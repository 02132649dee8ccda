package io.truecount.connector.dropboxsign;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.json.Fields;
import io.truecount.connector.json.Json;
import io.truecount.connector.webhook.Acknowledgement;
import io.truecount.connector.webhook.InboundEvent;
import io.truecount.connector.webhook.Signatures;
import io.truecount.connector.webhook.WebhookEffect;
import io.truecount.connector.webhook.WebhookReceiver;
import io.truecount.connector.webhook.WebhookRejectedException;
import io.truecount.connector.webhook.WebhookRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Dropbox Sign callbacks. The signature travels inside the body: {@code event.event_hash} = hex(HMAC-SHA256(api key,
 * event_time + event_type)), so the body must be split before it can be verified. The hash covers only the time and
 * type, not the rest of the body (a Dropbox Sign design choice); the application should treat the signature request id
 * as a claim to check against the contract it names.
 */
final class DropboxSignReceiver implements WebhookReceiver {

    /** Anything else, even an empty 200, makes Dropbox Sign retry the callback for days. */
    static final Acknowledgement ACKNOWLEDGEMENT = new Acknowledgement("text/plain", "Hello API Event Received");

    private final String apiKey;

    DropboxSignReceiver(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public List<InboundEvent> verify(WebhookRequest request) {
        String json = CallbackBody.eventJson(request.contentType(), request.body());
        if (json == null) {
            throw WebhookRejectedException.badSignature(
                    "Dropbox Sign callback without a 'json' field, so without an event_hash to verify");
        }
        JsonNode root = parseUnverified(json);
        JsonNode event = root.path("event");
        String time = Fields.text(event.path("event_time"));
        String type = Fields.text(event.path("event_type"));
        String hash = Fields.text(event.path("event_hash"));
        if (time == null || type == null || hash == null) {
            throw WebhookRejectedException.badSignature(
                    "Dropbox Sign callback without event_time, event_type or event_hash");
        }
        String computed = Signatures.hex(Signatures.hmacSha256(apiKey, (time + type).getBytes(StandardCharsets.UTF_8)));
        if (!Signatures.matches(computed, hash.toLowerCase(Locale.ROOT))) {
            throw WebhookRejectedException.badSignature("Dropbox Sign event_hash does not match the api-key");
        }
        return List.of(InboundEvent.of(subject(root) + "/" + type + "/" + time, type, json));
    }

    @Override
    public Acknowledgement acknowledgement() {
        return ACKNOWLEDGEMENT;
    }

    @Override
    public WebhookEffect interpret(InboundEvent event) {
        try {
            return CallbackEvents.effectOf(Json.parse(event.payload()));
        } catch (IOException e) {
            throw new IllegalArgumentException("Dropbox Sign event " + event.eventId() + " is not JSON");
        }
    }

    /**
     * What the event is about: its signature request, else the account or app it reports for. Events carry no id of
     * their own; a retry repeats event_time, so subject, type and time identify an event.
     */
    private static String subject(JsonNode root) {
        JsonNode metadata = root.path("event").path("event_metadata");
        String subject = Fields.text(root.path("signature_request").path("signature_request_id"));
        if (subject == null) {
            subject = Fields.text(root.path("account").path("account_id"));
        }
        if (subject == null) {
            subject = Fields.firstPresent(metadata, "reported_for_account_id", "reported_for_app_id");
        }
        return subject == null ? "account" : subject;
    }

    // Before verification there is nothing to trust: an unreadable body cannot be verified, so it is a 401, not a 400.
    private static JsonNode parseUnverified(String json) {
        try {
            JsonNode root = Json.parse(json.getBytes(StandardCharsets.UTF_8));
            if (root.isObject()) {
                return root;
            }
        } catch (IOException notJson) {
            // reported below
        }
        throw WebhookRejectedException.badSignature("Dropbox Sign callback 'json' field is not a JSON object");
    }
}
