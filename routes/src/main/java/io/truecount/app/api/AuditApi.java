package io.truecount.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.truecount.app.audit.AuditLog;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, newest first. */
@RestController
@Tag(name = "audit", description = "Who did what, when and why")
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "List audit entries, newest first, optionally one actor's or one action's")
    List<AuditLog.Entry> audit(
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action) {
        return audit.query(actor, action, Params.limit(limit));
    }
}
