package io.truecount.core.contract;

/**
 * When a billing period is invoiced: by the run of the month it starts in ({@code ADVANCE}) or of the month it ends in
 * ({@code ARREARS}).
 */
public enum BillingTiming {
    ADVANCE,
    ARREARS
}
