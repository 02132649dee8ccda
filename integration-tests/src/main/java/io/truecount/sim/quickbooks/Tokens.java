package io.truecount.sim.quickbooks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Intuit's tokens: access tokens that expire, and a refresh token that every refresh replaces. A refresh token stays
 * valid only until its successor has been used once, so a client whose answer was lost can repeat its refresh, but a
 * client that keeps using a token it has already rolled (instead of the newest one) is refused with
 * {@code invalid_grant}, as Intuit refuses it after its grace period.
 */
final class Tokens {

    private static final class Grant {
        private final Instant expiresAt;
        private int uses;

        private Grant(Instant expiresAt) {
            this.expiresAt = expiresAt;
        }
    }

    /** An access token and the refresh token that replaces the one presented. */
    record Issued(String accessToken, String refreshToken) {}

    private final Map<String, Grant> grants = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;
    private String newest;
    private String previous;
    private int refreshes;

    Tokens(Clock clock, Duration lifetime, String refreshToken) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.newest = refreshToken;
    }

    /** @return the new tokens, or null when the refresh token is not (or no longer) valid */
    synchronized Issued refresh(String presented) {
        if (presented == null) {
            return null;
        }
        if (presented.equals(newest)) {
            previous = newest;
        } else if (!presented.equals(previous)) {
            return null;
        }
        // Presenting the previous one means the newest was never used: it is replaced, the previous one stays.
        newest = "RT1-" + opaque();
        refreshes++;
        String access = "eyJ" + opaque();
        grants.put(access, new Grant(clock.instant().plus(lifetime)));
        return new Issued(access, newest);
    }

    /**
     * Whether the {@code Authorization} header carries a live access token, counting the use when it does.
     *
     * @param useLimit data requests a token may make before it stops working; null for no limit
     */
    synchronized boolean authorize(String authorization, Integer useLimit) {
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

    synchronized void resetUses() {
        grants.values().forEach(grant -> grant.uses = 0);
    }

    synchronized String newestRefreshToken() {
        return newest;
    }

    synchronized int refreshes() {
        return refreshes;
    }

    private String opaque() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
