package io.truecount.core.contract;

/** How many consecutive months one billing period of a contract covers. */
public enum BillingCycle {
    MONTHLY(1),
    QUARTERLY(3),
    ANNUAL(12);

    private final int months;

    BillingCycle(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }
}
