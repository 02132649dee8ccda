package io.truecount.sim.graph;

/** The Entra ID and Graph endpoints the simulator serves. */
public enum Endpoint {
    /** {@code POST /{tenant}/oauth2/v2.0/token}, on the login host. */
    TOKEN("/*/oauth2/v2.0/token"),
    DELEGATED_ADMIN_CUSTOMERS("/v1.0/tenantRelationships/delegatedAdminCustomers"),
    SUBSCRIBED_SKUS("/v1.0/subscribedSkus"),
    USERS_DELTA("/v1.0/users/delta");

    static final String TOKEN_SUFFIX = "/oauth2/v2.0/token";

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    /** The path, with {@code *} for the tenant of {@link #TOKEN}. */
    public String path() {
        return path;
    }

    /** Whether Graph (not Entra ID) answered it: what the delta criterion counts. */
    public boolean isGraph() {
        return this != TOKEN;
    }

    static Endpoint ofPath(String path) {
        if (path.endsWith(TOKEN_SUFFIX)) {
            return TOKEN;
        }
        for (Endpoint endpoint : values()) {
            if (endpoint.path.equals(path)) {
                return endpoint;
            }
        }
        throw new IllegalArgumentException("not a simulated Microsoft 365 endpoint: " + path);
    }

    /** The tenant segment of a {@link #TOKEN} path. */
    static String tenantOf(String tokenPath) {
        String withoutSuffix = tokenPath.substring(0, tokenPath.length() - TOKEN_SUFFIX.length());
        return withoutSuffix.substring(withoutSuffix.lastIndexOf('/') + 1);
    }
}
