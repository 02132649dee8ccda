package io.truecount.core.billing;

import io.truecount.core.contract.Contract;
import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.PerAssetLine;
import io.truecount.core.contract.PerLicenseLine;
import io.truecount.core.contract.PerUserLine;
import io.truecount.core.contract.TieredLine;
import io.truecount.core.invoice.Invoice;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.reconciliation.ReconciliationItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code max-drop-percent} guard (CONFIG.md, Reconciliation kinds): when a count-based line bills a quantity that
 * fell by more than the customer's limit against the same line on the last invoice, the invoice is held for a person.
 * A sudden drop is more often a broken agent rollout or a partial vendor response than a customer that shrank.
 */
final class CountDropGuard {

    private CountDropGuard() {}

    static List<ReconciliationItem> check(
            String customerId,
            BigDecimal maxDropPercent,
            List<Contract> contracts,
            List<InvoiceLine> lines,
            Invoice previous) {
        if (maxDropPercent == null || previous == null) {
            return List.of();
        }
        Set<String> counted = countBasedLines(contracts);
        List<ReconciliationItem> drops = new ArrayList<>();
        for (InvoiceLine line : lines) {
            String key = line.contractId() + '\u0000' + line.lineId();
            if (!counted.contains(key)) {
                continue;
            }
            for (InvoiceLine before : previous.lines()) {
                if (!(before.contractId().equals(line.contractId())
                                && before.lineId().equals(line.lineId()))
                        || before.quantity().signum() <= 0) {
                    continue;
                }
                BigDecimal drop = before.quantity()
                        .subtract(line.quantity())
                        .multiply(BigDecimal.valueOf(100))
                        .divide(before.quantity(), 2, RoundingMode.HALF_UP);
                if (drop.compareTo(maxDropPercent) > 0) {
                    drops.add(ReconciliationItem.countDrop(
                            customerId,
                            line.contractId(),
                            line.lineId(),
                            before.quantity(),
                            line.quantity(),
                            previous.number(),
                            drop,
                            maxDropPercent));
                }
            }
        }
        return drops;
    }

    private static Set<String> countBasedLines(List<Contract> contracts) {
        Set<String> keys = new HashSet<>();
        for (Contract contract : contracts) {
            for (ContractLine line : contract.lines()) {
                if (line instanceof PerAssetLine
                        || line instanceof PerLicenseLine
                        || line instanceof PerUserLine
                        || line instanceof TieredLine) {
                    keys.add(contract.id() + '\u0000' + line.id());
                }
            }
        }
        return keys;
    }
}
