package io.truecount.connector.webhook;

import java.util.List;

/** One configured connector's webhook endpoint ({@code POST /webhooks/<connector id>}). */
public interface WebhookReceiver {

    /**
     * Verifies the request's signature over its raw body with a constant-time comparison (and its replay window, where
     * the vendor has one), then splits it into events.
     *
     * @return at least one event; a batch (GoCardless, PandaDoc) gives one per element
     * @throws WebhookRejectedException when the signature is missing or wrong, the timestamp is outside the window, or
     *     the body cannot be split into events with ids; nothing is stored then
     */
    List<InboundEvent> verify(WebhookRequest request);

    /** What to answer once the events are stored; Dropbox Sign expects an exact text. */
    default Acknowledgement acknowledgement() {
        return Acknowledgement.EMPTY;
    }

    /**
     * What a stored event means for Truecount. Called asynchronously, perhaps on another instance, perhaps more than
     * once for the same event (a replay), so it must not have effects of its own.
     *
     * @throws IllegalArgumentException when the stored event cannot be understood: it is retried and, at last, becomes
     *     a dead letter an admin can see and replay
     */
    WebhookEffect interpret(InboundEvent event);
}
