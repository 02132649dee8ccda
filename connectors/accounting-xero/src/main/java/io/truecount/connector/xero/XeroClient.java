package io.truecount.connector.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.CredentialsException;
import io.truecount.connector.SourceException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.http.Authenticator;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.HttpResponse;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.json.Json;
import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * Calls to one Xero organisation: the bearer token, the {@code xero-tenant-id} every call needs, JSON answers, and
 * Xero's limit of 5 concurrent calls per tenant (developer.xero.com/faq/limits), kept with a semaphore so a busy
 * outbox waits here instead of collecting 429s. Retries of 429 ({@code Retry-After}) and 5xx are the runtime's.
 */
final class XeroClient {

    /** Xero's per-tenant concurrency limit. */
    static final int CONCURRENT_CALLS = 5;

    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;

    private final ResilientHttp http;
    private final Authenticator authenticator;
    private final String tenantId;
    private final Semaphore inFlight = new Semaphore(CONCURRENT_CALLS, true);

    XeroClient(ResilientHttp http, Authenticator authenticator, String tenantId) {
        this.http = http;
        this.authenticator = authenticator;
        this.tenantId = tenantId;
    }

    String connectorId() {
        return http.connectorId();
    }

    /**
     * @param what the request as an admin would name it, for errors
     * @return the parsed 2xx answer
     * @throws XeroRefusedException for a final 4xx, with Xero's messages
     * @throws CredentialsException when Xero refuses fresh credentials or the tenant
     * @throws io.truecount.connector.SourceUnavailableException when retries are exhausted
     */
    JsonNode send(HttpRequest request, String what) {
        HttpRequest xero = request.withHeader("Accept", "application/json").withHeader("xero-tenant-id", tenantId);
        SyncStats stats = new SyncStats();
        HttpResponse response;
        inFlight.acquireUninterruptibly();
        try {
            response = http.execute(authenticator.authorize(xero, stats), stats);
            if (response.status() == UNAUTHORIZED && authenticator.renew()) {
                response = http.execute(authenticator.authorize(xero, stats), stats);
            }
        } finally {
            inFlight.release();
        }
        if (response.status() == UNAUTHORIZED || response.status() == FORBIDDEN) {
            throw new CredentialsException(
                    connectorId(),
                    request.url().toString(),
                    String.join("; ", XeroRefusedException.messages(response.body())),
                    response.status() == UNAUTHORIZED
                            ? "Xero answered 401 to a fresh token; check the custom connection's client id and secret"
                            : "Xero answered 403; check tenant-id and that the custom connection is authorised for"
                                    + " this organisation with an invoice scope (accounting.transactions or accounting.invoices)");
        }
        if (!response.isSuccess()) {
            throw XeroRefusedException.of(connectorId(), what, response.status(), response.body());
        }
        try {
            return Json.parse(response.body());
        } catch (IOException e) {
            throw SourceException.of(connectorId(), "Xero answered " + what + " with a body that is not JSON");
        }
    }
}
