/**
 * GoCardless: each approved invoice becomes one payment of its total against the customer's Direct Debit mandate
 * ({@code customers.<id>.accounting.<connector>: MD…}), created with an {@code Idempotency-Key} derived from the push key
 * and found again by the invoice number kept in its metadata; payment webhooks ({@code Webhook-Signature}) report it
 * confirmed, failed, paid out or charged back.
 */
package io.truecount.connector.gocardless;
