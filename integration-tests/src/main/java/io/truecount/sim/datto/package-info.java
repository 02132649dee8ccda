/**
 * A Datto RMM API v2 simulator on WireMock: the password-grant token endpoint (Basic {@code public-client:public},
 * API key and secret), sites and per-site devices in Datto's {@code pageDetails} envelope (0-based {@code page},
 * {@code max} up to 250, absolute {@code nextPageUrl}), timestamps both as ISO and as epoch milliseconds, and
 * switchable failure modes (throttling that escalates to a 403 IP block for clients that do not wait, 5xx, token
 * expiry, a malformed page, latency). Fed from a {@link io.truecount.sim.msp.SampleMsp} or a hand-made
 * {@link io.truecount.sim.datto.DattoData}. Vendor facts: vendor-apis.md §1.2.
 */
package io.truecount.sim.datto;
