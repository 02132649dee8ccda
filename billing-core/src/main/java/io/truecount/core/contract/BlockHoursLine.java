package io.truecount.core.contract;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * A block of hours per month for a fixed price; billable hours beyond the block are billed at the overage rate.
 *
 * @param workTypes the work types the block covers; empty: all
 */
public record BlockHoursLine(
        String id,
        String description,
        boolean taxable,
        BigDecimal hours,
        BigDecimal price,
        BigDecimal overageRate,
        Set<String> workTypes)
        implements ContractLine, TimeLine {

    public BlockHoursLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(overageRate, "overageRate");
        workTypes = Set.copyOf(workTypes);
    }
}
