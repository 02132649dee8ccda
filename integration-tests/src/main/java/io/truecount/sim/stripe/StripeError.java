package io.truecount.sim.stripe;

/** A request Stripe refuses, answered in its error envelope. */
final class StripeError extends RuntimeException {

    final int status;
    final String type;
    final String code;
    final String param;

    StripeError(int status, String type, String code, String param, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    static StripeError invalid(String code, String param, String message) {
        return new StripeError(400, "invalid_request_error", code, param, message);
    }

    static StripeError missing(String param, String id) {
        return new StripeError(
                404, "invalid_request_error", "resource_missing", param, "No such " + param + ": '" + id + "'");
    }

    String json() {
        return StripeJson.error(type, code, param, getMessage());
    }
}
