package io.truecount.connector.http;

import io.truecount.connector.SyncStats;

/** Puts a connector's credentials on a request: a bearer token, an API key header, Basic credentials. */
public interface Authenticator {

    /** The request with credentials attached; may call the vendor (a token endpoint) first. */
    HttpRequest authorize(HttpRequest request, SyncStats stats);

    /**
     * Forgets cached credentials after the vendor answered 401.
     *
     * @return true when a fresh attempt may succeed (a new token can be fetched); false when the credentials are all
     *     there is, so the 401 is final
     */
    default boolean renew() {
        return false;
    }

    /** For vendors that need nothing but the request itself. */
    static Authenticator none() {
        return (request, stats) -> request;
    }
}
