/** One billing cycle: sync every source, bill, converge the period's invoices, write the exports. */
package io.truecount.app.cycle;
