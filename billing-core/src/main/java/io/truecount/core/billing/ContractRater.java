package io.truecount.core.billing;

import io.truecount.core.contract.Contract;
import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.FlatLine;
import io.truecount.core.contract.PerAssetLine;
import io.truecount.core.counting.AssetCount;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.money.Money;
import io.truecount.core.period.BillingPeriod;
import io.truecount.core.period.Proration;
import io.truecount.core.reconciliation.ReconciliationItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Prices one contract for one billing period (CONFIG.md, Line types). Every amount is computed unrounded from exact
 * quantities and per-month prices, multiplied by the period's months and its proration, and rounded once.
 */
final class ContractRater {

    static final String MINIMUM_LINE_ID = "minimum";

    private final Currency currency;

    ContractRater(Currency currency) {
        this.currency = currency;
    }

    /** The rated lines of a contract and the discrepancies rating noticed. */
    record Rated(List<InvoiceLine> lines, List<ReconciliationItem> items) {}

    Rated rate(Contract contract, BillingPeriod period, AssetCount assets) {
        Proration proration = Proration.of(contract, period);
        BigDecimal months = BigDecimal.valueOf(period.months());
        List<InvoiceLine> lines = new ArrayList<>();
        List<ReconciliationItem> items = new ArrayList<>();
        for (ContractLine line : contract.lines()) {
            // An instanceof chain rather than a pattern switch: Java 17 has no pattern matching for switch.
            if (line instanceof FlatLine flat) {
                lines.add(flat(contract, flat, months, proration));
            } else if (line instanceof PerAssetLine perAsset) {
                lines.add(perAsset(contract, perAsset, months, proration, assets, items));
            } else {
                throw new IllegalStateException(
                        "no rating for " + line.getClass().getSimpleName());
            }
        }
        minimum(contract, months, proration, lines).ifPresent(lines::add);
        return new Rated(lines, items);
    }

    private InvoiceLine flat(Contract contract, FlatLine line, BigDecimal months, Proration proration) {
        BigDecimal amount = Money.round(proration.apply(line.amount().multiply(months)), currency);
        return new InvoiceLine(
                contract.id(),
                line.id(),
                line.description(),
                months,
                InvoiceLine.Unit.MONTH,
                line.amount(),
                amount,
                line.taxable());
    }

    private InvoiceLine perAsset(
            Contract contract,
            PerAssetLine line,
            BigDecimal months,
            Proration proration,
            AssetCount assets,
            List<ReconciliationItem> items) {
        BigDecimal observed = assets.of(line.assetClasses());
        if (line.contractedQuantity() != null && observed.compareTo(line.contractedQuantity()) != 0) {
            items.add(ReconciliationItem.quantityMismatch(
                    contract.customerId(), contract.id(), line.id(), line.contractedQuantity(), observed));
        }
        BigDecimal quantity = line.minimumQuantity() == null ? observed : observed.max(line.minimumQuantity());
        BigDecimal unitPrice = line.unitPrice().multiply(months);
        BigDecimal amount = Money.round(proration.apply(quantity.multiply(unitPrice)), currency);
        return new InvoiceLine(
                contract.id(),
                line.id(),
                line.description(),
                quantity,
                InvoiceLine.Unit.EACH,
                unitPrice,
                amount,
                line.taxable());
    }

    /**
     * The "Minimum commitment" line: the difference to {@code minimum-monthly-amount x months}, prorated like every
     * recurring amount so a contract that starts mid-month commits to the days it runs. Taxable when any of the
     * contract's lines is, since it stands in for them.
     */
    private Optional<InvoiceLine> minimum(
            Contract contract, BigDecimal months, Proration proration, List<InvoiceLine> lines) {
        if (contract.minimumMonthlyAmount() == null) {
            return Optional.empty();
        }
        BigDecimal committed =
                Money.round(proration.apply(contract.minimumMonthlyAmount().multiply(months)), currency);
        BigDecimal billed = lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (billed.compareTo(committed) >= 0) {
            return Optional.empty();
        }
        boolean taxable = lines.isEmpty() || lines.stream().anyMatch(InvoiceLine::taxable);
        return Optional.of(new InvoiceLine(
                contract.id(),
                MINIMUM_LINE_ID,
                "Minimum commitment",
                BigDecimal.ONE,
                InvoiceLine.Unit.EACH,
                null,
                committed.subtract(billed),
                taxable));
    }
}
