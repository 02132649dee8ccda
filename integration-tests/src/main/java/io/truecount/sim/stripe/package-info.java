/**
 * A Stripe API simulator on WireMock for the Stripe sink: Bearer api-key authentication, customers seeded by id,
 * draft invoices, invoice items and finalize, the invoice list by customer with {@code starting_after} paging,
 * {@code Idempotency-Key} on every POST (replays carry {@code Idempotent-Replayed: true}; other parameters under the
 * same key are a 400 {@code idempotency_error}), Stripe's error envelope, and the shared failure modes (429 with
 * {@code Stripe-Should-Retry} when throttling). {@link io.truecount.sim.stripe.StripeEvents} builds signed webhook
 * deliveries for tests and the load bench. Vendor facts: vendor-apis.md §5.1.
 */
package io.truecount.sim.stripe;
