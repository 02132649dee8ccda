/**
 * A NinjaOne Public API 2.0 simulator on WireMock: client-credentials tokens, cursor-paged organizations and
 * devices-detailed as bare JSON arrays, and switchable failure modes (throttling, 5xx, token expiry, a malformed page,
 * latency) for connector, end-to-end and demo runs. Vendor facts: vendor-apis.md §1.1.
 */
package io.truecount.sim.ninjaone;
