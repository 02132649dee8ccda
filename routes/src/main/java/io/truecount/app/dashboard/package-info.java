/** The console's first screen in one answer: connector health, this month's totals against the months before, and
 * what waits for a person (open reconciliation items, drafts, held invoices, dead letters). */
package io.truecount.app.dashboard;
