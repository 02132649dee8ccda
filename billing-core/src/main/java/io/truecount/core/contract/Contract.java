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
 * @param signature the e-signature that must complete before it bills; null when none is required
 * @param autoRenew whether it extends itself by its term once its {@code end} has passed (an extension of CONFIG.md)
 */
public record Contract(
        String id,
        String customerId,
        LocalDate start,
        LocalDate end,
        BillingCycle cycle,
        BillingTiming timing,
        BigDecimal minimumMonthlyAmount,
        List<ContractLine> lines,
        SignatureRequirement signature,
        boolean autoRenew) {

    /** A contract that needs no signature and does not renew itself. */
    public Contract(
            String id,
            String customerId,
            LocalDate start,
            LocalDate end,
            BillingCycle cycle,
            BillingTiming timing,
            BigDecimal minimumMonthlyAmount,
            List<ContractLine> lines) {
        this(id, customerId, start, end, cycle, timing, minimumMonthlyAmount, lines, null, false);
    }

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

    /** The same contract ending on another day: the end that renewals have extended it to. */
    public Contract withEnd(LocalDate newEnd) {
        return new Contract(
                id, customerId, start, newEnd, cycle, timing, minimumMonthlyAmount, lines, signature, autoRenew);
    }
}
