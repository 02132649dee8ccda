/** Invoices to Xero (Accounting API 2.0). */
package io.truecount.connector.xero;
