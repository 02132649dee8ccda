package io.truecount.app.security;

import java.time.Instant;

/**
 * Published (synchronously, inside the changing transaction) when a token is created or revoked, so the audit log can
 * record it with its actor. {@code action} is {@code token.create} or {@code token.revoke}.
 */
public record TokenChanged(String action, String name, Role role, String actor, String reason, Instant at) {}
