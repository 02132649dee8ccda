package io.truecount.sim.vendor;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Opaque bearer tokens the simulator issued, with their expiry and how often each was used for data. */
public final class TokenStore {

    private static final class Grant {
        private final Instant expiresAt;
        private int uses;

        private Grant(Instant expiresAt) {
            this.expiresAt = expiresAt;
        }
    }

    private final Map<String, Grant> grants = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;

    public TokenStore(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public synchronized String issue() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        grants.put(token, new Grant(clock.instant().plus(lifetime)));
        return token;
    }

    /**
     * Whether the {@code Authorization} header carries a live token, counting the use when it does.
     *
     * @param useLimit data requests a token may make before it stops working; null for no limit
     */
    public synchronized boolean authorize(String authorization, Integer useLimit) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        Grant grant = grants.get(authorization.substring(7).trim());
        if (grant == null || !clock.instant().isBefore(grant.expiresAt)) {
            return false;
        }
        if (useLimit != null && grant.uses >= useLimit) {
            return false;
        }
        grant.uses++;
        return true;
    }

    /** Starts every token's use count afresh, so a limit applies to the uses that follow. */
    public synchronized void resetUses() {
        grants.values().forEach(grant -> grant.uses = 0);
    }
}
