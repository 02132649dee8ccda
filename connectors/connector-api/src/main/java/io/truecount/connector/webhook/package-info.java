/**
 * Webhook receivers: the vendor-specific half of webhook intake. The application receives the raw request, asks the
 * receiver to verify it (on the raw bytes, before any parsing) and to split it into events with the vendor's event ids,
 * stores them in its inbox, and acknowledges. Later, a worker asks the receiver to interpret each stored event into a
 * neutral {@link io.truecount.connector.webhook.WebhookEffect}; the application applies it.
 */
package io.truecount.connector.webhook;
