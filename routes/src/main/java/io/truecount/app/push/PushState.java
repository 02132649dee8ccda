package io.truecount.app.push;

/** Where one push is; see the {@code push} table in V4 for what each state means. */
public enum PushState {
    PENDING,
    SENT,
    UNKNOWN,
    CONFIRMED,
    FAILED;

    public boolean isFinal() {
        return this == CONFIRMED || this == FAILED;
    }
}
