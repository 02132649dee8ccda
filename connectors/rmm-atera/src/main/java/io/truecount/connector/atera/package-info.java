/**
 * The Atera RMM connector (API v3): customers and agents, read with the account's {@code X-API-KEY} and
 * {@code page}/{@code itemsInPage} paging (at most 50 per page, ended by {@code totalPages}), mapped to billing-core
 * observations by {@link io.truecount.connector.atera.AteraMapper}, the only class that knows Atera's JSON.
 *
 * <p>Atera's {@code CustomerID} is the external organization id that customers map under {@code sources:}.
 *
 * <p>Default class map, by the agent's {@code OSType} (CONFIG.md, Counting), overridable per connector with
 * {@code asset-classes:} keyed by the {@code OSType} value:
 *
 * <table>
 *   <caption>Atera OSType to asset class</caption>
 *   <tr><th>OSType</th><th>class</th></tr>
 *   <tr><td>{@code Server}, {@code Domain Controller}</td><td>server</td></tr>
 *   <tr><td>{@code Work Station}, {@code Workstation}</td><td>workstation</td></tr>
 *   <tr><td>anything else (Mac, Linux, ...)</td><td>other</td></tr>
 * </table>
 *
 * <p>Every agent counts as managed: Atera lists only devices with its agent installed.
 */
package io.truecount.connector.atera;
