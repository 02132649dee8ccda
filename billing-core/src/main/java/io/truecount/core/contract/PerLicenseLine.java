package io.truecount.core.contract;

import io.truecount.core.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A price per Microsoft 365 licence of some SKUs, per month: either a unit price, or the MSP's cost plus a markup.
 *
 * @param unitPrice null when {@code cost} and {@code markupPercent} are given instead
 */
public record PerLicenseLine(
        String id,
        String description,
        boolean taxable,
        List<String> skus,
        LicenseBasis basis,
        BigDecimal unitPrice,
        BigDecimal cost,
        BigDecimal markupPercent,
        BigDecimal minimumQuantity,
        BigDecimal contractedQuantity)
        implements ContractLine {

    public PerLicenseLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(basis, "basis");
        skus = List.copyOf(skus);
        if ((unitPrice == null) == (cost == null || markupPercent == null)) {
            throw new IllegalArgumentException("line " + id + " needs either unit-price or cost and markup-percent");
        }
    }

    /** The price per licence: given, or {@code round(cost x (1 + markup / 100))} in the currency's minor unit. */
    public BigDecimal priceIn(Currency currency) {
        if (unitPrice != null) {
            return unitPrice;
        }
        BigDecimal factor = BigDecimal.ONE.add(markupPercent.movePointLeft(2));
        return Money.round(cost.multiply(factor), currency);
    }

    public Measure.Licenses measure() {
        return new Measure.Licenses(skus, basis);
    }
}
