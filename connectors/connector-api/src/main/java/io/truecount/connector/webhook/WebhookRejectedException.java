package io.truecount.connector.webhook;

/**
 * A webhook request refused before anything was stored. The message is for the admin's log and names why (never a
 * secret or an expected signature); the vendor gets only the status.
 *
 * @see #UNAUTHORIZED
 */
public class WebhookRejectedException extends RuntimeException {

    /** A missing or wrong signature, or a timestamp outside the replay window. */
    public static final int UNAUTHORIZED = 401;

    /** A verified body that cannot be split into events. */
    public static final int BAD_REQUEST = 400;

    private final int status;

    public WebhookRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public static WebhookRejectedException badSignature(String why) {
        return new WebhookRejectedException(UNAUTHORIZED, why);
    }

    public static WebhookRejectedException malformed(String why) {
        return new WebhookRejectedException(BAD_REQUEST, why);
    }

    /** The HTTP status to answer (GoCardless's convention for a bad signature is 498). */
    public int status() {
        return status;
    }
}
