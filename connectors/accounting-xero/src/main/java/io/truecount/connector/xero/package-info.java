/**
 * Invoices to Xero (Accounting API 2.0) through a custom connection (OAuth2 client credentials): {@code XeroSink}
 * creates each approved invoice once, {@code XeroLine} and {@code TaxShares} make Xero's arithmetic give our amounts
 * and tax to the cent.
 */
package io.truecount.connector.xero;
