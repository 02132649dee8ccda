/**
 * Truecount's billing domain. Pure Java: no Spring, Camel, Jackson, HTTP or SQL (the module's pom bans them and
 * {@code CorePurityTest} checks the imports). Persistence is the {@link io.truecount.core.invoice.InvoiceStore} port.
 */
package io.truecount.core;
