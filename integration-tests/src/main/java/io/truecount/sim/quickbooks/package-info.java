/**
 * A QuickBooks Online Accounting API v3 simulator on WireMock: Intuit's refresh-token grant (Basic client id and
 * secret; every refresh rolls the refresh token), invoice creation with {@code requestid} idempotency and QuickBooks'
 * validation (customer and item references, {@code Amount = Qty x UnitPrice}, {@code DocNumber} length and
 * uniqueness), the {@code DocNumber} query, company info, and switchable failure modes (throttling with
 * {@code ThrottleExceeded}, 5xx after the write was applied, token expiry, latency). Vendor facts: vendor-apis.md §4.1.
 */
package io.truecount.sim.quickbooks;
