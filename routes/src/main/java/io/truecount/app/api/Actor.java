package io.truecount.app.api;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is making the current request, for the audit log and invoice histories. */
public final class Actor {

    /** The actor of work nobody authenticated for: schedules, reloads from disk, an open development server. */
    public static final String SYSTEM = "system";

    private Actor() {}

    /** The authenticated token's name, or {@value #SYSTEM} when the request carries none. */
    public static String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return SYSTEM;
        }
        String name = auth.getName();
        return name == null || name.isBlank() ? SYSTEM : name;
    }
}
