package io.truecount.core.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * The history of one prepaid-hours balance from the contract's start to the end of the billed period, month by month,
 * as the customer would read it on a statement. Hours are decimals (a 15-minute increment is 0.25).
 *
 * @param months one row per month, oldest first
 */
public record PrepaidStatement(String customerId, String contractId, String lineId, List<Month> months) {

    /**
     * One month of the balance.
     *
     * @param opening balance at the start of the month (negative: hours owed)
     * @param toppedUp hours added by top-ups dated in the month
     * @param used billable hours drawn in the month, each entry rounded up to the increment
     * @param overage hours beyond the balance billed at the overage rate
     * @param closing opening + toppedUp - used + overage
     */
    public record Month(
            YearMonth month,
            BigDecimal opening,
            BigDecimal toppedUp,
            BigDecimal used,
            BigDecimal overage,
            BigDecimal closing) {}

    public PrepaidStatement {
        Objects.requireNonNull(customerId, "customerId");
        months = List.copyOf(months);
    }

    /** The balance after the last month. */
    public BigDecimal balance() {
        return months.isEmpty()
                ? BigDecimal.ZERO
                : months.get(months.size() - 1).closing();
    }
}
