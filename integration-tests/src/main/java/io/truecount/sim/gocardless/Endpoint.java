package io.truecount.sim.gocardless;

/** The GoCardless endpoints the simulator serves. */
public enum Endpoint {
    CREDITORS,
    /** {@code POST /payments} creates, {@code GET /payments} lists. */
    PAYMENTS,
    /** {@code GET /payments/PM…}. */
    PAYMENT;

    static Endpoint ofPath(String path) {
        if (path.equals("/creditors")) {
            return CREDITORS;
        }
        if (path.equals("/payments")) {
            return PAYMENTS;
        }
        if (path.startsWith("/payments/") && path.indexOf('/', "/payments/".length()) < 0) {
            return PAYMENT;
        }
        throw new IllegalArgumentException("not a simulated GoCardless endpoint: " + path);
    }
}
