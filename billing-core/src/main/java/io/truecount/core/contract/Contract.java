package io.truecount.core.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a customer agreed to pay for. Every price in it is per month.
 *
 * @param end last day of the contract, inclusive; null when open-ended
 * @param minimumMonthlyAmount optional commitment per month (null: none)
 */
public record Contract(
        String id,
        String customerId,
        LocalDate start,
        LocalDate end,
        BillingCycle cycle,
        BillingTiming timing,
        BigDecimal minimumMonthlyAmount,
        List<ContractLine> lines) {

    public Contract {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(cycle, "cycle");
        Objects.requireNonNull(timing, "timing");
        lines = List.copyOf(lines);
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("contract " + id + " ends before it starts");
        }
    }
}
