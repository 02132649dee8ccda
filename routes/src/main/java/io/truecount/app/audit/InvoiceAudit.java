package io.truecount.app.audit;

import io.truecount.app.invoice.TransitionListener;
import io.truecount.core.invoice.InvoiceStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Audits invoice decisions where the store records them: the API, {@code truecount invoice approve}, {@code cycle
 * --push} and approval rules all go through {@code InvoiceLedger}, which records every transition in the caller's
 * transaction, so the audit row commits or rolls back with the change itself.
 */
@Component
class InvoiceAudit implements TransitionListener {

    private final AuditLog audit;

    InvoiceAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void transitioned(
            String number, InvoiceStatus from, InvoiceStatus to, String actor, String reason, Instant at) {
        String action = action(from, to);
        if (action == null) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from.name());
        details.put("to", to.name());
        audit.record(actor, action, number, reason, details);
    }

    /** The decisions a person (or a rule standing in for one) takes; creation, posting and payments are not. */
    static String action(InvoiceStatus from, InvoiceStatus to) {
        if (from == null || from == to) {
            return null;
        }
        return switch (to) {
            case APPROVED -> AuditLog.INVOICE_APPROVE;
            case HELD -> AuditLog.INVOICE_HOLD;
            case DRAFT -> from == InvoiceStatus.HELD ? AuditLog.INVOICE_RELEASE : null;
            case VOID -> AuditLog.INVOICE_VOID;
            default -> null;
        };
    }
}
