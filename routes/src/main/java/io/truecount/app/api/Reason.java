package io.truecount.app.api;

/** The optional body of every write: why, for the audit log and the invoice's history. */
record Reason(String reason) {

    /** The reason, or null when the body was absent or the text blank. */
    static String of(Reason body) {
        return body == null || body.reason() == null || body.reason().isBlank()
                ? null
                : body.reason().strip();
    }

    /** The reason where the contract requires one: a 400 problem without it. */
    static String required(Reason body, String action) {
        String reason = of(body);
        if (reason == null) {
            throw new IllegalArgumentException("a reason is required to " + action);
        }
        return reason;
    }
}
