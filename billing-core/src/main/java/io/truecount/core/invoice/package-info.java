/** Invoices, their lines and lifecycle, and the ledger that makes a period's invoices converge. */
package io.truecount.core.invoice;
