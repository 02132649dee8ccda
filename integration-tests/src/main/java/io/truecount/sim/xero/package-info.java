/**
 * A Xero Accounting API 2.0 simulator on WireMock: the custom-connection token endpoint, {@code PUT}/{@code POST
 * /Invoices} with {@code Idempotency-Key}, {@code GET /Invoices} by number or id, {@code GET /Organisation}, Xero's
 * rate-limit headers and its 60-a-minute limit, and switchable failure modes. It keeps the invoices it created, with
 * Xero's own line and tax arithmetic, for tests to read. A {@link io.truecount.sim.xero.Conformance} check (the
 * published OpenAPI spec, in tests) can refuse every request that does not conform. Vendor facts: vendor-apis.md §4.2.
 */
package io.truecount.sim.xero;
