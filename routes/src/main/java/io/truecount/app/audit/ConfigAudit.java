package io.truecount.app.audit;

import io.truecount.app.config.ConfigReplaced;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Audits a configuration reload that replaced the running file, from disk or {@code POST /api/config/reload}. */
@Component
class ConfigAudit {

    private final AuditLog audit;

    ConfigAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(ConfigReplaced reload) {
        // The changes name what changed, never a value: a password or API key in the file stays out of the log.
        audit.record(
                reload.actor(),
                AuditLog.CONFIG_RELOAD,
                reload.current().file().getFileName().toString(),
                reload.reason(),
                Map.of("changes", reload.changes()));
    }
}
