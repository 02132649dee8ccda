package io.truecount.connector.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.CredentialsException;
import io.truecount.connector.OrganizationException;
import io.truecount.connector.Secret;
import io.truecount.connector.SourceException;
import io.truecount.connector.SyncStats;
import io.truecount.connector.http.Authenticator;
import io.truecount.connector.http.HttpRequest;
import io.truecount.connector.http.HttpResponse;
import io.truecount.connector.http.ResilientHttp;
import io.truecount.connector.json.Json;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app-only token of one tenant: client credentials against {@code {login-url}/{tenant}/oauth2/v2.0/token}, reused
 * until shortly before it expires. The connector keeps one per tenant, so tokens outlive a run.
 *
 * <p>Entra ID's refusals are sorted by whose fault they are. A wrong or expired client secret (AADSTS7000215,
 * AADSTS7000222) is the app's, so it is wrong for every tenant: a {@link CredentialsException} that fails the
 * connector. Anything else (the app not consented in the tenant, consent revoked, the tenant gone) is that tenant's:
 * an {@link OrganizationException} that fails only the customers mapped to it.
 */
final class TenantToken implements Authenticator {

    static final String SCOPE = "https://graph.microsoft.com/.default";

    /** The client secret itself is refused: invalid, or expired. */
    static final Set<String> SECRET_CODES = Set.of("AADSTS7000215", "AADSTS7000222");

    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Pattern AADSTS = Pattern.compile("AADSTS\\d+");

    private final ResilientHttp http;
    private final String tenant;
    private final URI tokenUrl;
    private final String clientId;
    private final Secret clientSecret;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    TenantToken(ResilientHttp http, URI loginUrl, String tenant, String clientId, Secret clientSecret, Clock clock) {
        this.http = http;
        this.tenant = tenant;
        this.tokenUrl = URI.create(trimSlash(loginUrl.toString()) + "/" + tenant + "/oauth2/v2.0/token");
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    @Override
    public synchronized HttpRequest authorize(HttpRequest request, SyncStats stats) {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch(stats);
        }
        return request.withHeader("Authorization", "Bearer " + token);
    }

    @Override
    public synchronized boolean renew() {
        token = null;
        return true;
    }

    private void fetch(SyncStats stats) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret.reveal());
        form.put("scope", SCOPE);
        Instant requestedAt = clock.instant();
        HttpResponse response = http.execute(HttpRequest.postForm(tokenUrl, form), stats);
        if (!response.isSuccess()) {
            throw refused(response);
        }
        JsonNode body;
        try {
            body = Json.parse(response.body());
        } catch (IOException e) {
            throw SourceException.of(http.connectorId(), "the token response of " + tokenUrl + " is not JSON");
        }
        JsonNode value = body.path("access_token");
        if (!value.isTextual() || value.asText().isBlank()) {
            throw SourceException.of(http.connectorId(), "the token response of " + tokenUrl + " has no access_token");
        }
        Duration lifetime =
                Duration.ofSeconds(Math.max(0, body.path("expires_in").asLong(3600)));
        Duration skew = lifetime.dividedBy(2).compareTo(SKEW) < 0 ? lifetime.dividedBy(2) : SKEW;
        token = value.asText();
        renewAt = requestedAt.plus(lifetime).minus(skew);
    }

    private SourceException refused(HttpResponse response) {
        String code = vendorCode(response.body());
        if (code != null && SECRET_CODES.contains(code)) {
            return new CredentialsException(
                    http.connectorId(),
                    tokenUrl.toString(),
                    code,
                    "Entra ID refused the client secret (HTTP " + response.status()
                            + "), so no tenant can be read; renew the app's secret");
        }
        return new OrganizationException(
                http.connectorId(),
                tenant,
                "tenant " + tenant + " refused a token with HTTP " + response.status()
                        + (code == null ? "" : " (" + code + ")")
                        + ": the app is not consented there, its consent was revoked, or the tenant is gone");
    }

    /** Entra ID's AADSTS code ({@code error_codes}, or the one in {@code error_description}), else the OAuth2 error. */
    static String vendorCode(byte[] body) {
        try {
            JsonNode root = Json.parse(body);
            JsonNode codes = root.path("error_codes");
            if (codes.isArray() && !codes.isEmpty() && codes.get(0).canConvertToLong()) {
                return "AADSTS" + codes.get(0).asLong();
            }
            Matcher matcher = AADSTS.matcher(root.path("error_description").asText(""));
            if (matcher.find()) {
                return matcher.group();
            }
        } catch (IOException notJson) {
            return null;
        }
        return Json.errorCode(body);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
