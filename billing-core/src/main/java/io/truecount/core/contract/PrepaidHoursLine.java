package io.truecount.core.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A balance of prepaid hours that carries across periods (an extension of CONFIG.md, after ServiceDesk Plus MSP's
 * top-up plans). The balance starts at {@code openingHours} on the contract's start, grows by each top-up on its date
 * (the top-up's price is billed by the run of that month) and is drawn down by billable time entries of the covered
 * work types in work-date order, each rounded up to the increment. Hours beyond the balance are billed at the overage
 * rate when one is given; without one the balance goes negative and the next top-up pays it back first.
 *
 * @param workTypes the work types drawn from the balance; empty: all
 * @param overageRate null: no overage billing, the balance may go negative
 */
public record PrepaidHoursLine(
        String id,
        String description,
        boolean taxable,
        BigDecimal openingHours,
        List<TopUp> topUps,
        BigDecimal overageRate,
        int incrementMinutes,
        Set<String> workTypes)
        implements ContractLine, TimeLine {

    /** Hours added to the balance on a date, billed at a price (zero for a free top-up). */
    public record TopUp(LocalDate date, BigDecimal hours, BigDecimal price) {
        public TopUp {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(hours, "hours");
            Objects.requireNonNull(price, "price");
        }
    }

    public PrepaidHoursLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(openingHours, "openingHours");
        topUps = topUps.stream()
                .sorted(java.util.Comparator.comparing(TopUp::date))
                .toList();
        workTypes = Set.copyOf(workTypes);
        if (incrementMinutes < 1) {
            throw new IllegalArgumentException("line " + id + " needs a positive increment");
        }
    }
}
