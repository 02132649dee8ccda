package io.truecount.app.security;

import java.io.Serializable;
import java.security.Principal;

/**
 * Who is calling: a token's row id, name and role. {@link #getName()} is the token's name, so the Spring Security
 * {@code Authentication}'s name (the audit log's actor) is the token's name. Serializable because the console's
 * session holds it; it never holds the token or its hash.
 */
public record TokenPrincipal(long id, String name, Role role) implements Principal, Serializable {

    @Override
    public String getName() {
        return name;
    }
}
