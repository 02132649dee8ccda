package io.truecount.core.contract;

/**
 * Which asset count of the billed period a line bills ({@code count:} on asset-based lines, an extension of
 * CONFIG.md): the count at the as-of instant, the highest count any sync of the period saw, or the mean of each day's
 * last count.
 */
public enum CountMode {
    PERIOD_END,
    PEAK,
    AVERAGE
}
