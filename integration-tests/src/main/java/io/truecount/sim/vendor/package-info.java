/**
 * What every vendor simulator does the same way, written once (issue 4): the failure {@link
 * io.truecount.sim.vendor.Mode}s and their cadence ({@link io.truecount.sim.vendor.Faults}), the decided
 * {@link io.truecount.sim.vendor.Reply}, the WireMock server and request log behind a
 * {@link io.truecount.sim.vendor.VendorSimulator}, and the one transformer skeleton ({@link
 * io.truecount.sim.vendor.VendorApi}). Auth, paging, payload shape and vendor quirks stay in each vendor's package.
 */
package io.truecount.sim.vendor;
