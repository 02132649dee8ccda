/**
 * An Atera API v3 simulator on WireMock: {@code X-API-KEY} authentication, customers and agents in Atera's paged
 * envelope ({@code page}/{@code itemsInPage}, at most 50, with {@code totalPages} and an absolute {@code nextLink}),
 * and switchable failure modes (throttling, 5xx, a malformed page, latency). Fed from a
 * {@link io.truecount.sim.msp.SampleMsp} or a hand-made {@link io.truecount.sim.atera.AteraData}. Vendor facts:
 * vendor-apis.md §1.3.
 */
package io.truecount.sim.atera;
