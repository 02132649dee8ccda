package io.truecount.connector.autotask;

import io.truecount.connector.Secret;
import io.truecount.connector.SyncStats;
import io.truecount.connector.http.Authenticator;
import io.truecount.connector.http.HttpRequest;

/**
 * Autotask's header authentication: the API user, its secret and the integration's tracking identifier travel on every
 * request. There is no token to renew, so a 401 is final.
 */
final class AutotaskHeaders implements Authenticator {

    private final String username;
    private final Secret secret;
    private final Secret integrationCode;

    AutotaskHeaders(String username, Secret secret, Secret integrationCode) {
        this.username = username;
        this.secret = secret;
        this.integrationCode = integrationCode;
    }

    @Override
    public HttpRequest authorize(HttpRequest request, SyncStats stats) {
        return request.withHeader("ApiIntegrationCode", integrationCode.reveal())
                .withHeader("UserName", username)
                .withHeader("Secret", secret.reveal());
    }
}
