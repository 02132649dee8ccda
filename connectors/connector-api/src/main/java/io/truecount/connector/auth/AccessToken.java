package io.truecount.connector.auth;

import java.time.Instant;

/** A bearer token and the instant from which it must no longer be used. */
record AccessToken(String value, Instant renewAt) {

    boolean isUsableAt(Instant now) {
        return now.isBefore(renewAt);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "AccessToken(renew at " + renewAt + ")";
    }
}
