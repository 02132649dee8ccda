/**
 * Signed webhook deliveries as DocuSign Connect, Dropbox Sign and PandaDoc send them: realistic payloads with the
 * signature each vendor computes for a given key, for end-to-end webhook tests and the demo. There is nothing to
 * simulate on the vendor side (Truecount never calls these tools); only what they post. Vendor facts: vendor-apis.md
 * §6.
 */
package io.truecount.sim.esign;
