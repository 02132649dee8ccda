package io.truecount.core.contract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Prices that change with the quantity. {@code GRADUATED}: each unit at the price of the tier it falls in (units
 * 1-10 at one price, 11-50 at the next...). {@code VOLUME}: every unit at the price of the tier the whole quantity
 * falls in.
 *
 * @param tiers in ascending order; each but the last has an inclusive {@code upTo}
 */
public record TieredLine(String id, String description, boolean taxable, Measure measure, Mode mode, List<Tier> tiers)
        implements ContractLine {

    public enum Mode {
        GRADUATED,
        VOLUME
    }

    /** @param upTo the last quantity in this tier, inclusive; null for the open last tier */
    public record Tier(BigDecimal upTo, BigDecimal unitPrice) {
        public Tier {
            Objects.requireNonNull(unitPrice, "unitPrice");
        }
    }

    public TieredLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(mode, "mode");
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty() || tiers.get(tiers.size() - 1).upTo() != null) {
            throw new IllegalArgumentException("line " + id + " needs tiers ending with one without up-to");
        }
        for (int i = 0; i < tiers.size() - 1; i++) {
            BigDecimal upTo = tiers.get(i).upTo();
            if (upTo == null || (i > 0 && upTo.compareTo(tiers.get(i - 1).upTo()) <= 0)) {
                throw new IllegalArgumentException("line " + id + " has tiers out of order");
            }
        }
    }
}
