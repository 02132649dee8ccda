package io.truecount.core.reconciliation;

/** The discrepancies Truecount reports (CONFIG.md, Reconciliation kinds), in the order exports list them. */
public enum ReconciliationKind {
    UNDER_BILLED,
    OVER_BILLED,
    UNMAPPED_ORGANIZATION,
    UNCONTRACTED_ASSETS,
    STALE_ASSET,
    DUPLICATE_ASSET,
    UNUSED_LICENSES,
    UNBILLED_TIME,
    COUNT_DROP,
    SOURCE_FAILED
}
