/**
 * Events in, each applied once. {@code POST /webhooks/{connector-id}} ({@link io.truecount.app.webhook.WebhookController})
 * verifies the vendor's signature on the raw bytes, writes the events to the inbox (table {@code webhook_event}, unique
 * per connector and event id, so a redelivery is a no-op) and only then answers 2xx. Workers on any instance process
 * the inbox asynchronously ({@link io.truecount.app.webhook.InboxWorker}): the effect and the event's PROCESSED mark
 * commit together; an event that keeps failing becomes a dead letter an admin can see and replay.
 */
package io.truecount.app.webhook;
