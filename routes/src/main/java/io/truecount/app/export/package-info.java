/** The files a cycle writes (OUTPUTS.md): invoices.json, reconciliation.json and UBL 2.1 invoices. */
package io.truecount.app.export;
