package io.truecount.connector.push;

import java.util.Optional;

/**
 * A configured sink (QuickBooks Online, Xero, Stripe, GoCardless, files). One instance lives as long as its
 * configuration, so cached tokens outlive a single push.
 *
 * <p>Errors are the connector runtime's: a {@link io.truecount.connector.CredentialsException} (nothing was created),
 * a {@link io.truecount.connector.SourceUnavailableException} (retries exhausted or no answer: the last attempt may
 * have been applied, so the outbox marks the push {@code UNKNOWN} and calls {@link #find} before anything else), any
 * other {@link io.truecount.connector.SourceException} (the vendor refused it for good: the push {@code FAILED}).
 */
public interface SinkConnector {

    /** Proves credentials and reachability with the cheapest call the vendor offers. */
    void checkConnection();

    /**
     * What an earlier attempt of this push left at the vendor, looked up by the push's key or the invoice number the
     * sink wrote (never by a search index that lags behind writes). Empty when the vendor has no trace of it.
     *
     * <p>A multi-step sink (Stripe: draft, items, finalize) reports only a finished invoice here; {@link #push} picks
     * up a half-finished one.
     */
    Optional<PushReceipt> find(PushRequest request);

    /**
     * Creates the invoice (or payment) at the vendor, or completes one an earlier attempt began. Every request carries
     * an idempotency key derived from {@link PushRequest#key()}, so repeating a push that the vendor already applied
     * returns the first result instead of a second invoice or charge.
     */
    PushReceipt push(PushRequest request);
}
