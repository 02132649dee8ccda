/**
 * An Autotask PSA REST API v1.0 simulator on WireMock: zone discovery, header authentication
 * ({@code ApiIntegrationCode}, {@code UserName}, {@code Secret}), {@code POST /{Entity}/query} with Autotask's filter
 * JSON ({@code eq, noteq, gt, gte, lt, lte, in, notIn, exist, notExist, and, or}), pages of at most 500 linked by
 * absolute {@code nextPageUrl}s, the ticket picklists, the database's hourly request limit with a counter tests read,
 * switchable failure modes, and time entries a test edits, deletes and adds between syncs. Fed from a
 * {@link io.truecount.sim.msp.SampleMsp} or a hand-made {@link io.truecount.sim.autotask.AutotaskData}; pages are
 * sliced from sorted indexes, so 2,000 companies and 150,000 entries serve as fast as ten. Vendor facts:
 * vendor-apis.md §3.2.
 */
package io.truecount.sim.autotask;
