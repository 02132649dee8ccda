package io.truecount.core.billing;

import io.truecount.core.contract.BlockHoursLine;
import io.truecount.core.contract.Contract;
import io.truecount.core.contract.ContractLine;
import io.truecount.core.contract.FlatLine;
import io.truecount.core.contract.PerAssetLine;
import io.truecount.core.contract.PerLicenseLine;
import io.truecount.core.contract.PerUserLine;
import io.truecount.core.contract.PrepaidHoursLine;
import io.truecount.core.contract.TieredLine;
import io.truecount.core.contract.TimeAndMaterialsLine;
import io.truecount.core.invoice.InvoiceLine;
import io.truecount.core.period.BillingPeriod;
import io.truecount.core.period.Proration;
import io.truecount.core.reconciliation.ReconciliationItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Prices one contract for one billing period (CONFIG.md, Line types). Every recurring amount is computed unrounded
 * from exact quantities and per-month prices, multiplied by the period's months and its proration, and rounded once.
 * Time-based lines are priced by {@link TimeRater}.
 */
final class ContractRater {

    static final String MINIMUM_LINE_ID = "minimum";

    private final Currency currency;
    private final CustomerUsage usage;
    private final TimeRater time;

    ContractRater(Currency currency, CustomerUsage usage, TimeRater time) {
        this.currency = currency;
        this.usage = usage;
        this.time = time;
    }

    /** The rated lines of a contract and the discrepancies rating noticed. */
    record Rated(List<InvoiceLine> lines, List<ReconciliationItem> items) {}

    Rated rate(Contract contract, BillingPeriod period) {
        Proration proration = Proration.of(contract, period);
        BigDecimal months = BigDecimal.valueOf(period.months());
        List<InvoiceLine> lines = new ArrayList<>();
        List<ReconciliationItem> items = new ArrayList<>();
        for (ContractLine line : contract.lines()) {
            // An instanceof chain rather than a pattern switch: Java 17 has no pattern matching for switch.
            if (line instanceof FlatLine flat) {
                BigDecimal amount = proration.round(flat.amount().multiply(months), currency);
                lines.add(new InvoiceLine(
                        contract.id(),
                        flat.id(),
                        flat.description(),
                        months,
                        InvoiceLine.Unit.MONTH,
                        flat.amount(),
                        amount,
                        flat.taxable()));
            } else if (line instanceof PerAssetLine perAsset) {
                Counted counted = usage.assets(perAsset.measure(), period);
                lines.add(perUnit(
                        contract,
                        line,
                        counted,
                        perAsset.unitPrice(),
                        perAsset.minimumQuantity(),
                        perAsset.contractedQuantity(),
                        months,
                        proration,
                        items));
            } else if (line instanceof PerLicenseLine perLicense) {
                Counted counted = usage.licenses(perLicense.measure());
                lines.add(perUnit(
                        contract,
                        line,
                        counted,
                        perLicense.priceIn(currency),
                        perLicense.minimumQuantity(),
                        perLicense.contractedQuantity(),
                        months,
                        proration,
                        items));
            } else if (line instanceof PerUserLine perUser) {
                Counted counted = usage.users(perUser);
                lines.add(perUnit(
                        contract,
                        line,
                        counted,
                        perUser.unitPrice(),
                        perUser.minimumQuantity(),
                        perUser.contractedQuantity(),
                        months,
                        proration,
                        items));
            } else if (line instanceof TieredLine tiered) {
                lines.add(tiered(contract, tiered, period, months, proration));
            } else if (line instanceof BlockHoursLine block) {
                lines.addAll(time.block(contract, block, period, months, proration));
            } else if (line instanceof TimeAndMaterialsLine tm) {
                lines.addAll(time.timeAndMaterials(contract, tm, period));
            } else if (line instanceof PrepaidHoursLine prepaid) {
                lines.addAll(time.prepaid(contract, prepaid, period));
            }
        }
        minimum(contract, months, proration, lines).ifPresent(lines::add);
        return new Rated(lines, items);
    }

    /** A unit price per counted thing: q = max(counted, minimum); amount = q × unit price × months, prorated. */
    private InvoiceLine perUnit(
            Contract contract,
            ContractLine line,
            Counted counted,
            BigDecimal unitPrice,
            BigDecimal minimum,
            BigDecimal contracted,
            BigDecimal months,
            Proration proration,
            List<ReconciliationItem> items) {
        BigDecimal observed = counted.quantity();
        if (contracted != null && observed.compareTo(contracted) != 0) {
            items.add(ReconciliationItem.quantityMismatch(
                    contract.customerId(), contract.id(), line.id(), contracted, observed));
        }
        BigDecimal quantity = minimum == null ? observed : observed.max(minimum);
        BigDecimal periodPrice = unitPrice.multiply(months);
        BigDecimal amount = proration.round(quantity.multiply(periodPrice), currency);
        return new InvoiceLine(
                contract.id(),
                line.id(),
                line.description(),
                quantity,
                InvoiceLine.Unit.EACH,
                periodPrice,
                amount,
                line.taxable(),
                counted.sources());
    }

    /**
     * A tiered line: volume pricing keeps a unit price (the tier's); graduated pricing has none, so the invoice text
     * shows how the amount is made up.
     */
    private InvoiceLine tiered(
            Contract contract, TieredLine line, BillingPeriod period, BigDecimal months, Proration proration) {
        Counted counted = usage.count(line.measure(), period);
        TierPricing.Priced priced = TierPricing.price(line, counted.quantity());
        BigDecimal amount = proration.round(priced.amount().multiply(months), currency);
        String description = line.description();
        if (!priced.parts().isEmpty()) {
            description +=
                    " (" + (months.intValue() > 1 ? "per month: " : "") + String.join(" + ", priced.parts()) + ")";
        }
        return new InvoiceLine(
                contract.id(),
                line.id(),
                description,
                counted.quantity(),
                InvoiceLine.Unit.EACH,
                priced.volumePrice() == null ? null : priced.volumePrice().multiply(months),
                amount,
                line.taxable(),
                counted.sources());
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
        BigDecimal committed = proration.round(contract.minimumMonthlyAmount().multiply(months), currency);
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
