package io.truecount.connector.connectwise;

import io.truecount.connector.Secret;
import io.truecount.connector.SyncStats;
import io.truecount.connector.http.Authenticator;
import io.truecount.connector.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * ConnectWise's API-member keys (vendor-apis.md §3.1): {@code Authorization: Basic base64(company+public:private)}
 * and the integration's {@code clientId} header on every request, with the API version pinned in {@code Accept} so a
 * cloud upgrade cannot change the JSON under us.
 *
 * <p>API keys do not expire and there is no token to fetch, so a 401 is normally final. One repeat with the same keys
 * is still allowed: a single 401 in the middle of a long read (the vendor's key cache reloading behind its load
 * balancer) must not fail a run that a second attempt completes; two in a row are a credentials failure.
 */
final class ConnectWiseAuthenticator implements Authenticator {

    static final String ACCEPT = "application/vnd.connectwise.com+json; version=2024.1";

    private final String authorization;
    private final String clientId;

    ConnectWiseAuthenticator(String company, String publicKey, Secret privateKey, String clientId) {
        String user = company.strip() + "+" + publicKey.strip() + ":"
                + privateKey.reveal().strip();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
        this.clientId = clientId.strip();
    }

    @Override
    public HttpRequest authorize(HttpRequest request, SyncStats stats) {
        return request.withHeader("Authorization", authorization)
                .withHeader("clientId", clientId)
                .withHeader("Accept", ACCEPT);
    }

    @Override
    public boolean renew() {
        return true;
    }

    @Override
    public String toString() {
        return "ConnectWiseAuthenticator(clientId=" + clientId + ")";
    }
}
