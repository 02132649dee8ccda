package io.truecount.connector.http;

import io.truecount.connector.CredentialsException;
import io.truecount.connector.SourceException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.json.Json;

/**
 * Authorized calls to a vendor API. A 401 drops the cached credentials and is retried once with fresh ones; a second
 * 401 is a {@link CredentialsException}. Any other non-2xx answer that survived the retry policy is a
 * {@link SourceException} naming the status.
 */
public final class ApiClient {

    private static final int UNAUTHORIZED = 401;

    private final ResilientHttp http;
    private final Authenticator authenticator;

    public ApiClient(ResilientHttp http, Authenticator authenticator) {
        this.http = http;
        this.authenticator = authenticator;
    }

    public String connectorId() {
        return http.connectorId();
    }

    /**
     * @return a 2xx answer
     * @throws SourceException when the vendor refused, with {@link CredentialsException} for credentials it refused
     */
    public HttpResponse send(HttpRequest request, SyncStats stats) {
        HttpResponse response = http.execute(authenticator.authorize(request, stats), stats);
        if (response.status() == UNAUTHORIZED && authenticator.renew()) {
            stats.retry();
            response = http.execute(authenticator.authorize(request, stats), stats);
        }
        if (response.status() == UNAUTHORIZED) {
            throw new CredentialsException(
                    connectorId(),
                    request.url().toString(),
                    Json.errorCode(response.body()),
                    "the API answered 401 Unauthorized to fresh credentials; check the API client and its scopes");
        }
        if (!response.isSuccess()) {
            String code = Json.errorCode(response.body());
            throw SourceException.of(
                    connectorId(),
                    request + " answered HTTP " + response.status()
                            + (code == null ? "" : " (vendor error: " + code + ")"));
        }
        return response;
    }
}
