package io.truecount.sim.graph;

import com.github.tomakehurst.wiremock.http.Request;
import io.truecount.sim.graph.GraphTenant.Consent;
import io.truecount.sim.graph.Links.Skip;
import io.truecount.sim.vendor.Faults;
import io.truecount.sim.vendor.Mode;
import io.truecount.sim.vendor.Reply;
import io.truecount.sim.vendor.VendorApi;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Entra ID's and Graph's answers: client-credentials tokens per tenant (with the AADSTS errors of unconsented and
 * revoked tenants), GDAP customers, {@code subscribedSkus}, and {@code /users/delta} paged by
 * {@code Prefer: odata.maxpagesize} with {@code @odata.nextLink} up to a final {@code @odata.deltaLink}.
 */
final class GraphApi extends VendorApi {

    static final String NAME = "truecount-graph-api";
    static final String SCOPE = "https://graph.microsoft.com/.default";
    /** GDAP's {@code $top} default and maximum (vendor-apis.md §2). */
    static final int GDAP_DEFAULT_TOP = 100;

    static final int GDAP_MAX_TOP = 300;

    private final GraphData data;
    private final Settings settings;
    private final GraphTokens tokens;
    private final Faults faults;
    private final List<ServedRequest> log;

    GraphApi(GraphData data, Settings settings, GraphTokens tokens, Faults faults, List<ServedRequest> log) {
        super(NAME, settings.clock(), faults, settings.slowDelay());
        this.data = data;
        this.settings = settings;
        this.tokens = tokens;
        this.faults = faults;
        this.log = log;
    }

    static Reply json(int status, String body) {
        return Reply.of(status, "application/json; charset=utf-8", body);
    }

    static Reply graphError(int status, String code, String message) {
        return json(status, GraphJson.graphError(code, message));
    }

    @Override
    protected Reply answer(Request request, String path, String query, Instant arrived) {
        Endpoint endpoint = Endpoint.ofPath(path);
        String tenant;
        Reply reply;
        if (endpoint == Endpoint.TOKEN) {
            tenant = Endpoint.tenantOf(path);
            reply = token(request, tenant);
        } else {
            Integer useLimit = faults.mode() == Mode.TOKEN_EXPIRY ? settings.tokenRequestLimit() : null;
            tenant = tokens.authorize(request.getHeader("Authorization"), useLimit);
            reply = tenant == null
                    ? graphError(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.")
                    : data(endpoint, request, tenant);
        }
        log.add(new ServedRequest(endpoint, tenant, path, arrived, reply.status(), query));
        return reply;
    }

    private Reply token(Request request, String tenantId) {
        Map<String, String> form = form(request.getBodyAsString());
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return oauth(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
        }
        if (!SCOPE.equals(form.get("scope"))) {
            return oauth(400, "invalid_scope", 1002012, "The provided value for scope is not valid.");
        }
        GraphTenant tenant = data.tenantOrNull(tenantId);
        if (tenant == null && !tenantId.equals(data.partnerTenantId())) {
            return oauth(400, "invalid_request", 90002, "Tenant '" + tenantId + "' not found.");
        }
        String clientId = form.getOrDefault("client_id", "");
        if (!settings.clientId().equals(clientId) || tenant != null && tenant.consent() == Consent.UNCONSENTED) {
            return oauth(
                    400,
                    "unauthorized_client",
                    700016,
                    "Application with identifier '" + clientId + "' was not found in the directory '" + tenantId
                            + "'.");
        }
        if (!settings.clientSecret().equals(form.get("client_secret"))) {
            return oauth(401, "invalid_client", 7000215, "Invalid client secret provided.");
        }
        if (tenant != null && tenant.consent() == Consent.REVOKED) {
            return oauth(
                    400,
                    "invalid_client",
                    7000229,
                    "The client application " + clientId + " is missing service principal in the tenant " + tenantId
                            + ".");
        }
        return json(
                200,
                GraphJson.token(tokens.issue(tenantId), settings.tokenLifetime().toSeconds()));
    }

    private static Reply oauth(int status, String error, long code, String description) {
        return json(status, GraphJson.oauthError(error, code, description));
    }

    private Reply data(Endpoint endpoint, Request request, String tenantId) {
        // Tenants are read concurrently: the retry of a throttled request is served, as it would be at Graph.
        Reply failure = faults.nextDataRequest(tenantId + " " + request.getUrl());
        if (failure != null) {
            return failure;
        }
        GraphTenant tenant = data.tenantOrNull(tenantId);
        if (tenant != null && tenant.consent() != Consent.CONSENTED) {
            return graphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        }
        String base = absoluteBase(request);
        String context = base.substring(0, base.indexOf("/v1.0/")) + "/v1.0/$metadata#";
        return switch (endpoint) {
            case DELEGATED_ADMIN_CUSTOMERS -> customers(request, tenantId, context);
            case SUBSCRIBED_SKUS ->
                json(
                        200,
                        GraphJson.page(
                                context + "subscribedSkus",
                                tenant == null ? List.of() : tenant.renderedSkus(),
                                null,
                                null));
            case USERS_DELTA ->
                new UsersDelta(
                                tenantId,
                                tenant,
                                context + "users",
                                absoluteBase(request),
                                faults.mode() == Mode.MALFORMED_PAGE)
                        .answer(
                                parameter(request, "$skiptoken"),
                                parameter(request, "$deltatoken"),
                                request.getHeader("Prefer"));
            case TOKEN -> throw new IllegalStateException("tokens are not data");
        };
    }

    private Reply customers(Request request, String tenantId, String context) {
        if (!tenantId.equals(data.partnerTenantId())) {
            return graphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        }
        int offset = 0;
        int top;
        String skip = parameter(request, "$skiptoken");
        try {
            String asked = parameter(request, "$top");
            top = asked == null ? GDAP_DEFAULT_TOP : Integer.parseInt(asked);
        } catch (NumberFormatException e) {
            return graphError(400, "BadRequest", "Invalid $top.");
        }
        if (skip != null) {
            Skip position = Skip.decode(skip);
            if (position == null || position.kind() != 'g') {
                return graphError(400, "BadRequest", "Invalid $skiptoken.");
            }
            offset = position.offset();
            top = position.size();
        }
        if (top < 1 || top > GDAP_MAX_TOP) {
            return graphError(400, "BadRequest", "$top must be between 1 and " + GDAP_MAX_TOP + ".");
        }
        List<GraphTenant> all = data.tenants();
        int to = Math.min(all.size(), offset + top);
        List<String> rows = all.subList(Math.min(offset, to), to).stream()
                .map(GraphJson::delegatedAdminCustomer)
                .toList();
        String next = to < all.size()
                ? absoluteBase(request) + "?$skiptoken=" + new Skip(tenantId, 'g', 0, 0, to, top).encode()
                : null;
        return json(200, GraphJson.page(context + "tenantRelationships/delegatedAdminCustomers", rows, next, null));
    }
}
