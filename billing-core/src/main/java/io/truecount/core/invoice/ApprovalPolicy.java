package io.truecount.core.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When an invoice may approve itself (an extension of CONFIG.md, {@code approval:}): only when the customer's previous
 * invoice was approved, the new one bills the same contract lines, and neither any line's quantity nor the total moved
 * by more than {@code maxChangePercent}. Anything else waits for a person. Off unless configured.
 */
public record ApprovalPolicy(boolean autoApprove, BigDecimal maxChangePercent) {

    /** Every invoice waits for a person. */
    public static final ApprovalPolicy MANUAL = new ApprovalPolicy(false, BigDecimal.ZERO);

    public ApprovalPolicy {
        Objects.requireNonNull(maxChangePercent, "maxChangePercent");
    }

    /** Why the invoice may approve itself, or empty when a person must approve it. */
    public Optional<String> approves(Invoice invoice, Optional<Invoice> previous) {
        if (!autoApprove || invoice.status() != InvoiceStatus.DRAFT || previous.isEmpty()) {
            return Optional.empty();
        }
        Invoice last = previous.get();
        if (!(last.status() == InvoiceStatus.APPROVED || last.status().isPosted())) {
            return Optional.empty();
        }
        Map<String, BigDecimal> before = quantities(last);
        Map<String, BigDecimal> now = quantities(invoice);
        if (!before.keySet().equals(now.keySet())) {
            return Optional.empty();
        }
        for (Map.Entry<String, BigDecimal> line : now.entrySet()) {
            if (!within(before.get(line.getKey()), line.getValue())) {
                return Optional.empty();
            }
        }
        if (!within(last.total(), invoice.total())) {
            return Optional.empty();
        }
        return Optional.of(
                "auto-approved: lines and total within " + maxChangePercent.toPlainString() + "% of " + last.number());
    }

    private boolean within(BigDecimal before, BigDecimal now) {
        if (before.signum() == 0) {
            return now.signum() == 0;
        }
        BigDecimal changePercent = now.subtract(before)
                .abs()
                .multiply(BigDecimal.valueOf(100))
                .divide(before.abs(), 10, RoundingMode.HALF_UP);
        return changePercent.compareTo(maxChangePercent) <= 0;
    }

    /** Quantity per contract line; a line billed as several invoice lines (one per ticket) counts their sum. */
    private static Map<String, BigDecimal> quantities(Invoice invoice) {
        Map<String, BigDecimal> result = new HashMap<>();
        for (InvoiceLine line : invoice.lines()) {
            result.merge(line.contractId() + '\u0000' + line.lineId(), line.quantity(), BigDecimal::add);
        }
        return result;
    }
}
