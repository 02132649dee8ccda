package io.truecount.app.audit;

import io.truecount.app.security.TokenChanged;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Audits API tokens created and revoked, from the API or the CLI. The event comes inside the token's transaction, so
 * the audit row commits or rolls back with it. Never the token itself: its name and role say who it is.
 */
@Component
class TokenAudit {

    private final AuditLog audit;

    TokenAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(TokenChanged change) {
        audit.record(
                change.actor(),
                change.action(),
                change.name(),
                change.reason(),
                Map.of("role", change.role().id()));
    }
}
