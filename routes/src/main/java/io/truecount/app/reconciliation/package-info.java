/**
 * Reviewing reconciliation items: the latest billing run's discrepancies of each period, with the decisions people
 * took on them (acknowledged, dismissed with a reason), kept across re-runs of the cycle.
 */
package io.truecount.app.reconciliation;
