/**
 * The files a cycle writes (OUTPUTS.md): invoices.json, reconciliation.json and UBL 2.1 invoices, plus the extensions
 * documented in docs/outputs.md (line sources, credit notes, prepaid-hours.json).
 */
package io.truecount.app.export;
