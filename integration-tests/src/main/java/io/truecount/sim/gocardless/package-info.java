/**
 * A GoCardless API simulator: mandates seeded by the test, payments created with {@code POST /payments} under
 * GoCardless's idempotency rule (a used {@code Idempotency-Key} answers 409 {@code idempotent_creation_conflict} naming
 * the payment it created, whatever the body), cursor-paged listings, and payment lifecycle moves that return signed
 * webhook deliveries ({@link io.truecount.sim.gocardless.GoCardlessEvents}).
 */
package io.truecount.sim.gocardless;
