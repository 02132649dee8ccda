package io.truecount.app.config;

import io.truecount.core.invoice.ApprovalPolicy;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reads {@code approval:} (an extension of CONFIG.md): whether the server's unattended runs may approve an invoice
 * that barely changed since the customer's last approved one. Without the block every invoice waits for a person.
 */
final class ApprovalReader {

    static final List<String> KEYS = List.of("auto-approve", "max-change-percent");

    private final Problems problems;
    private final Values values;

    ApprovalReader(Problems problems, Values values) {
        this.problems = problems;
        this.values = values;
    }

    /** @return the policy; null when anything in it is invalid (reported) */
    ApprovalPolicy read(Section s) {
        int errorsBefore = problems.count();
        Boolean autoApprove =
                s.has("auto-approve") ? values.bool(s.scalar("auto-approve"), "auto-approve") : Boolean.FALSE;
        Scalar percent = s.scalar("max-change-percent");
        BigDecimal maxChangePercent =
                percent == null ? BigDecimal.ZERO : values.nonNegative(percent, "max-change-percent");
        if (problems.count() > errorsBefore) {
            return null;
        }
        return new ApprovalPolicy(autoApprove, maxChangePercent);
    }
}
