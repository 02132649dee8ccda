package io.truecount.app.webhook;

import io.truecount.connector.webhook.WebhookEffect;

/** Applies what an e-signature tool reported to the contract that names the document, in the inbox's transaction. */
public interface SignatureEffects {

    /** @return what happened, in words, for the inbox row */
    String apply(String connectorId, String eventId, WebhookEffect.Signature signature);
}
