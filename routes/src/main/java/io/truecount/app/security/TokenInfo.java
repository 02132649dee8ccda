package io.truecount.app.security;

import java.time.Instant;

/** What may be shown about a token: never the token, never its hash. */
public record TokenInfo(String name, Role role, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}
