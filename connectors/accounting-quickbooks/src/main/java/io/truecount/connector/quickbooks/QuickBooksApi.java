package io.truecount.connector.quickbooks;

import io.truecount.connector.CredentialsException;
import io.truecount.connector.SourceException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.http.Authenticator;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.HttpResponse;
import io.truecount.connector.http.ResilientHttp;
import java.util.concurrent.Semaphore;

/**
 * Authorized calls to one QuickBooks company. Unlike the shared {@code ApiClient} it keeps the words of QuickBooks'
 * {@link Fault} in the error, because "Duplicate Document Number Error" is what the admin has to act on, and it
 * holds at most {@value #MAX_IN_FLIGHT} requests in flight: Intuit refuses more concurrent requests per app and
 * company (vendor-apis.md §4.1).
 */
final class QuickBooksApi {

    static final int MAX_IN_FLIGHT = 10;
    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;

    private final ResilientHttp http;
    private final Authenticator authenticator;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT, true);
    private final SyncStats stats = new SyncStats();

    QuickBooksApi(ResilientHttp http, Authenticator authenticator) {
        this.http = http;
        this.authenticator = authenticator;
    }

    String connectorId() {
        return http.connectorId();
    }

    /** Requests, retries and throttles since this connector was built. */
    SyncStats stats() {
        return stats;
    }

    /**
     * @param what the call as an admin would name it ("creating invoice ZY-202610-00001"), for the error
     * @return a 2xx answer
     * @throws CredentialsException when QuickBooks refused the app's access
     * @throws SourceException when QuickBooks refused the request, with its fault message
     */
    HttpResponse send(HttpRequest request, String what) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SourceException.of(connectorId(), "interrupted while waiting to call QuickBooks for " + what);
        }
        try {
            return checked(request, what);
        } finally {
            inFlight.release();
        }
    }

    private HttpResponse checked(HttpRequest request, String what) {
        HttpResponse response = http.execute(authenticator.authorize(request, stats), stats);
        if (response.status() == UNAUTHORIZED && authenticator.renew()) {
            stats.retry();
            response = http.execute(authenticator.authorize(request, stats), stats);
        }
        if (response.status() == UNAUTHORIZED || response.status() == FORBIDDEN) {
            String fault = Fault.describe(response.body());
            throw new CredentialsException(
                    connectorId(),
                    request.withoutQuery(),
                    Fault.code(response.body()),
                    "QuickBooks answered HTTP " + response.status() + " to " + what
                            + (fault == null ? "" : " (" + fault + ")")
                            + "; check that the app is still connected to company realm-id");
        }
        if (!response.isSuccess()) {
            String fault = Fault.describe(response.body());
            throw SourceException.of(
                    connectorId(),
                    "QuickBooks refused " + what + " with HTTP " + response.status()
                            + (fault == null ? "" : ": " + fault));
        }
        return response;
    }
}
