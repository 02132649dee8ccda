/** Payments against GoCardless mandates; GoCardless payment webhooks. */
package io.truecount.connector.gocardless;
