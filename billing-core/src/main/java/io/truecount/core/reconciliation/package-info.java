/** Discrepancies for an admin to review before money moves, each explaining itself. */
package io.truecount.core.reconciliation;
