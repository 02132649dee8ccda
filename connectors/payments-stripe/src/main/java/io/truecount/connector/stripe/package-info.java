/** Invoices to Stripe; Stripe payment webhooks. */
package io.truecount.connector.stripe;
