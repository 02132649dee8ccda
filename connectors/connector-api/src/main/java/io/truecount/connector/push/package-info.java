/**
 * Sinks: connectors that receive approved invoices (accounting systems, payment gateways, files). The application's
 * outbox decides when a push is sent and what an error means for it; a sink only knows its vendor. Every write a sink
 * makes carries a key derived from {@link io.truecount.connector.push.PushRequest#key()}, and {@code find} reads the
 * vendor back by that key, so that an attempt whose outcome is unknown is resolved by looking, never by a blind second
 * create.
 */
package io.truecount.connector.push;
