/**
 * A ConnectWise PSA (Manage) REST 3.0 simulator on WireMock: Basic {@code company+public:private} with the
 * {@code clientId} header, bare arrays paged by {@code page}/{@code pageSize} (at most 1000) or forward-only by
 * {@code pageId}, {@code Link} headers, the {@code conditions} subset connectors send ({@code lastUpdated >},
 * {@code timeStart >=}, {@code id in}, {@code and}), {@code fields}, and the shared failure modes. Fed from a
 * {@link io.truecount.sim.msp.SampleMsp} or a hand-made {@link io.truecount.sim.connectwise.ConnectWiseData}, which
 * tests mutate between syncs. Vendor facts: vendor-apis.md §3.1.
 */
package io.truecount.sim.connectwise;
