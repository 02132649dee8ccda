package io.truecount.app.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a token may do; each role includes the ones below it (admin > approver > viewer). */
public enum Role {
    VIEWER,
    APPROVER,
    ADMIN;

    /** The name in the database, the CLI and the API: {@code viewer}, {@code approver}, {@code admin}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority this role is granted as. */
    String authority() {
        return "ROLE_" + name();
    }

    public static Role of(String id) {
        for (Role role : values()) {
            if (role.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be one of " + ids() + ", not '" + id + "'");
    }

    static String ids() {
        return Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "));
    }

    /** Spring Security's role hierarchy in its own notation. */
    static String hierarchy() {
        return "ROLE_ADMIN > ROLE_APPROVER\nROLE_APPROVER > ROLE_VIEWER";
    }
}
