package io.truecount.sim.quickbooks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An invoice the simulated company holds, as QuickBooks computed it.
 *
 * @param totalAmt Σ line amounts + {@code TxnTaxDetail.TotalTax}
 * @param requestId the {@code requestid} it was created with, null when none
 */
public record SimInvoice(
        String id,
        String docNumber,
        String customerId,
        String txnDate,
        String dueDate,
        String currency,
        String billEmail,
        String privateNote,
        List<SimLine> lines,
        BigDecimal totalTax,
        BigDecimal totalAmt,
        String requestId,
        Instant created) {

    public SimInvoice {
        lines = List.copyOf(lines);
    }
}
