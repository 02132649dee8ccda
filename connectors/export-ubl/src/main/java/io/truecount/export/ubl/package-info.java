/**
 * Turns one Truecount invoice into one UBL 2.1 {@code Invoice} document that conforms to EN 16931 (OUTPUTS.md,
 * {@code DIR/invoices/NUMBER.xml}): same lines, same tax, same totals, every line adding up exactly.
 */
package io.truecount.export.ubl;
