package io.truecount.sim.graph;

import java.util.List;

/** Microsoft Graph and Entra ID JSON, in the shapes of vendor-apis.md §2; unknown fields a client must ignore. */
final class GraphJson {

    private GraphJson() {}

    static String sku(String tenantId, String accountName, GraphTenant.Sku sku) {
        return "{\"accountName\":" + str(accountName) + ",\"accountId\":" + str(tenantId)
                + ",\"appliesTo\":\"User\",\"capabilityStatus\":" + str(sku.status) + ",\"consumedUnits\":"
                + sku.consumed + ",\"id\":" + str(tenantId + "_" + sku.skuId) + ",\"prepaidUnits\":{\"enabled\":"
                + sku.prepaid + ",\"lockedOut\":0,\"suspended\":0,\"warning\":0},\"servicePlans\":[],\"skuId\":"
                + str(sku.skuId) + ",\"skuPartNumber\":" + str(sku.partNumber) + ",\"subscriptionIds\":[]}";
    }

    static String user(GraphTenant.User user) {
        StringBuilder json = new StringBuilder(160 + 60 * user.skuIds.size());
        json.append("{\"id\":")
                .append(str(user.id))
                .append(",\"userPrincipalName\":")
                .append(str(user.upn))
                .append(",\"accountEnabled\":")
                .append(user.enabled)
                .append(",\"assignedLicenses\":[");
        for (int i = 0; i < user.skuIds.size(); i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"disabledPlans\":[],\"skuId\":")
                    .append(str(user.skuIds.get(i)))
                    .append('}');
        }
        return json.append("]}").toString();
    }

    /** A user a delta read reports gone; {@code changed} is Graph's reason for a (restorable) soft delete. */
    static String removed(String userId) {
        return "{\"id\":" + str(userId) + ",\"@removed\":{\"reason\":\"changed\"}}";
    }

    static String delegatedAdminCustomer(GraphTenant tenant) {
        return "{\"@odata.type\":\"#microsoft.graph.delegatedAdminCustomer\",\"id\":" + str(tenant.id())
                + ",\"tenantId\":" + str(tenant.id()) + ",\"displayName\":" + str(tenant.name()) + "}";
    }

    /** A collection page: records under {@code value}, then {@code @odata.nextLink} or {@code @odata.deltaLink}. */
    static String page(String context, List<String> rows, String nextLink, String deltaLink) {
        StringBuilder json = new StringBuilder(64 + rows.size() * 200);
        json.append("{\"@odata.context\":").append(str(context)).append(",\"value\":[");
        for (int i = 0; i < rows.size(); i++) {
            json.append(i == 0 ? "" : ",").append(rows.get(i));
        }
        json.append(']');
        if (nextLink != null) {
            json.append(",\"@odata.nextLink\":").append(str(nextLink));
        }
        if (deltaLink != null) {
            json.append(",\"@odata.deltaLink\":").append(str(deltaLink));
        }
        return json.append('}').toString();
    }

    static String token(String accessToken, long expiresIn) {
        return "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"ext_expires_in\":" + expiresIn
                + ",\"access_token\":" + str(accessToken) + "}";
    }

    /** Entra ID's OAuth2 error, with the AADSTS code in the description and in {@code error_codes}. */
    static String oauthError(String error, long aadsts, String description) {
        return "{\"error\":" + str(error) + ",\"error_description\":" + str("AADSTS" + aadsts + ": " + description)
                + ",\"error_codes\":[" + aadsts + "],\"timestamp\":\"2026-01-01 00:00:00Z\","
                + "\"trace_id\":\"00000000-0000-0000-0000-000000000000\"}";
    }

    /** Graph's error body: {@code {"error": {"code", "message", "innerError"}}}. */
    static String graphError(String code, String message) {
        return "{\"error\":{\"code\":" + str(code) + ",\"message\":" + str(message)
                + ",\"innerError\":{\"request-id\":\"00000000-0000-0000-0000-000000000000\"}}}";
    }

    static String str(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
