/**
 * A HaloPSA simulator on WireMock: the auth server's client-credentials token ({@code ?tenant=}, {@code scope=all},
 * {@code expires_in}), clients, tickets ({@code datesearch=lastactiondate&startdate=}) and actions ({@code ticket_id},
 * {@code excludesys}) paged with {@code pageinate=true&page_size&page_no} and {@code record_count}, every shared
 * failure {@link io.truecount.sim.vendor.Mode}, and edits, deletions and new actions between syncs. Fed from a
 * {@link io.truecount.sim.msp.SampleMsp} or a hand-made {@link io.truecount.sim.halopsa.HaloData}. Vendor facts:
 * vendor-apis.md §3.3.
 */
package io.truecount.sim.halopsa;
