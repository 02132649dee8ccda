package io.truecount.core.contract;

import io.truecount.core.observation.TimeEntry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Billable time at hourly rates: each entry rounded up to the increment, priced by the first matching rule.
 *
 * @param coveredWorkTypes work types included in the contract ("all-in"): billed at 0
 */
public record TimeAndMaterialsLine(
        String id,
        String description,
        boolean taxable,
        List<RateRule> rates,
        BigDecimal defaultRate,
        int incrementMinutes,
        Set<String> coveredWorkTypes)
        implements ContractLine, TimeLine {

    public static final int DEFAULT_INCREMENT_MINUTES = 15;

    /** A rate for entries whose every named field equals the entry's value; null fields match anything. */
    public record RateRule(String workType, String priority, String category, BigDecimal rate) {
        public RateRule {
            Objects.requireNonNull(rate, "rate");
        }

        public boolean matches(TimeEntry entry) {
            return (workType == null || workType.equals(entry.workType()))
                    && (priority == null || priority.equals(entry.priority()))
                    && (category == null || category.equals(entry.category()));
        }
    }

    public TimeAndMaterialsLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultRate, "defaultRate");
        rates = List.copyOf(rates);
        coveredWorkTypes = Set.copyOf(coveredWorkTypes);
        if (incrementMinutes < 1) {
            throw new IllegalArgumentException("line " + id + " needs a positive increment");
        }
    }

    /** The rate of the first rule that matches, else the default rate. */
    public BigDecimal rateFor(TimeEntry entry) {
        return rates.stream()
                .filter(r -> r.matches(entry))
                .map(RateRule::rate)
                .findFirst()
                .orElse(defaultRate);
    }
}
