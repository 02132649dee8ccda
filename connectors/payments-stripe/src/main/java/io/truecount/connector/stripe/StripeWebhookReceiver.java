package io.truecount.connector.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.Secret;
import io.truecount.connector.json.Fields;
import io.truecount.connector.json.Json;
import io.truecount.connector.webhook.InboundEvent;
import io.truecount.connector.webhook.Signatures;
import io.truecount.connector.webhook.WebhookEffect;
import io.truecount.connector.webhook.WebhookReceiver;
import io.truecount.connector.webhook.WebhookRejectedException;
import io.truecount.connector.webhook.WebhookRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Stripe's webhook deliveries: one event per request, signed in {@code Stripe-Signature} with HMAC-SHA256 of
 * {@code t + "." + raw body} under the endpoint secret ({@code whsec_…}), hex. Accepted when any {@code v1} matches
 * any configured secret and {@code t} is within {@link #TOLERANCE} of now (docs.stripe.com/webhooks#verify-manually;
 * the SDKs' default tolerance).
 */
final class StripeWebhookReceiver implements WebhookReceiver {

    static final String HEADER = "Stripe-Signature";
    static final Duration TOLERANCE = Duration.ofSeconds(300);

    private final List<Secret> secrets;
    private final Clock clock;
    private final StripeEventInterpreter interpreter = new StripeEventInterpreter();

    StripeWebhookReceiver(List<Secret> secrets, Clock clock) {
        this.secrets = List.copyOf(secrets);
        this.clock = clock;
    }

    @Override
    public List<InboundEvent> verify(WebhookRequest request) {
        String header = request.header(HEADER);
        if (header == null || header.isBlank()) {
            throw WebhookRejectedException.badSignature("the request has no " + HEADER + " header");
        }
        SignatureHeader signature = SignatureHeader.parse(header);
        if (signature.timestamp() == null || signature.signatures().isEmpty()) {
            throw WebhookRejectedException.badSignature(HEADER + " has no t= timestamp or no v1= signature");
        }
        if (!matchesAnySecret(signature, request.body())) {
            throw WebhookRejectedException.badSignature(
                    HEADER + " matches none of the " + secrets.size() + " configured webhook secret(s)");
        }
        // Checked after the signature, so an attacker learns nothing about the window from an unsigned request.
        long skew = Math.abs(clock.instant().getEpochSecond() - signature.timestamp());
        if (skew > TOLERANCE.toSeconds()) {
            throw WebhookRejectedException.badSignature(
                    HEADER + " timestamp is " + skew + " s away from now, beyond the " + TOLERANCE.toSeconds()
                            + " s tolerance (replayed or clock skew)");
        }
        return List.of(event(request.body()));
    }

    @Override
    public WebhookEffect interpret(InboundEvent event) {
        return interpreter.interpret(event);
    }

    private boolean matchesAnySecret(SignatureHeader signature, byte[] body) {
        byte[] prefix = (signature.timestamp() + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        boolean matched = false;
        for (Secret secret : secrets) {
            String expected = Signatures.hex(Signatures.hmacSha256(secret.reveal(), signed));
            for (String received : signature.signatures()) {
                // No early exit: every comparison runs, so timing does not tell which secret or signature matched.
                matched |= Signatures.matches(expected, received);
            }
        }
        return matched;
    }

    private static InboundEvent event(byte[] body) {
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (IOException e) {
            throw WebhookRejectedException.malformed("a signed Stripe event that is not JSON");
        }
        String id = Fields.text(root.path("id"));
        String type = Fields.text(root.path("type"));
        if (id == null || type == null) {
            throw WebhookRejectedException.malformed("a signed Stripe event without 'id' or 'type'");
        }
        return new InboundEvent(id, type, body);
    }
}
