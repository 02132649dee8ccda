/** Invoices to QuickBooks Online (Accounting API v3). */
package io.truecount.connector.quickbooks;
