package io.truecount.sim.graph;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Bearer tokens Entra ID issued, each for one tenant: Graph knows the tenant of a request from its token. */
final class GraphTokens {

    private static final class Grant {
        private final String tenant;
        private final Instant expiresAt;
        private int uses;

        private Grant(String tenant, Instant expiresAt) {
            this.tenant = tenant;
            this.expiresAt = expiresAt;
        }
    }

    private final Map<String, Grant> grants = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;

    GraphTokens(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    synchronized String issue(String tenant) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token =
                "eyJ0eXAiOiJKV1Qi." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        grants.put(token, new Grant(tenant, clock.instant().plus(lifetime)));
        return token;
    }

    /**
     * The tenant of a live token in the {@code Authorization} header, counting the use; null when there is none.
     *
     * @param useLimit data requests a token may make before it stops working; null for no limit
     */
    synchronized String authorize(String authorization, Integer useLimit) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        Grant grant = grants.get(authorization.substring(7).trim());
        if (grant == null || !clock.instant().isBefore(grant.expiresAt)) {
            return null;
        }
        if (useLimit != null && grant.uses >= useLimit) {
            return null;
        }
        grant.uses++;
        return grant.tenant;
    }

    synchronized void resetUses() {
        grants.values().forEach(grant -> grant.uses = 0);
    }
}
