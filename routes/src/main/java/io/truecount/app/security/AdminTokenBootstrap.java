package io.truecount.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * For containers, where nobody runs {@code truecount token create} before the first start: when the database has no
 * token yet and {@code TRUECOUNT_ADMIN_TOKEN} is set, the server creates the {@code admin} token with that value. Once
 * any token exists the variable is ignored, so removing or changing it later neither locks anyone out nor opens a door.
 */
@Component
@ConditionalOnWebApplication
class AdminTokenBootstrap {

    static final String VARIABLE = "TRUECOUNT_ADMIN_TOKEN";
    /** An operator-chosen value must not be guessable; 32 characters of base64 carry about 192 bits. */
    static final int MIN_LENGTH = 32;

    private static final Logger log = LoggerFactory.getLogger(AdminTokenBootstrap.class);

    private final ApiTokens tokens;
    private final Environment environment;

    AdminTokenBootstrap(ApiTokens tokens, Environment environment) {
        this.tokens = tokens;
        this.environment = environment;
    }

    @EventListener(ApplicationStartedEvent.class)
    void createAdminToken() {
        String value = environment.getProperty(VARIABLE);
        if (value == null || value.isBlank()) {
            return;
        }
        if (value.strip().length() < MIN_LENGTH) {
            // Refusing to start is safer than serving the whole API behind a short password.
            throw new IllegalStateException(VARIABLE + " must be at least " + MIN_LENGTH
                    + " characters (e.g. the output of: openssl rand -base64 32)");
        }
        if (tokens.bootstrapAdmin(value.strip())) {
            log.info("Created the 'admin' API token from {} (the database had no token)", VARIABLE);
        }
    }
}
