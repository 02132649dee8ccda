/**
 * The Datto RMM connector (API v2): sites ({@code /api/v2/account/sites}) and each site's devices
 * ({@code /api/v2/site/{siteUid}/devices}), read with Datto's password-grant token (API key and secret, public client
 * {@code public-client:public}) and {@code pageDetails.nextPageUrl} paging, mapped to billing-core observations by
 * {@link io.truecount.connector.datto.DattoMapper}, the only class that knows Datto's JSON. The site uid is the
 * external organization id that {@code sources:} maps.
 *
 * <p>Default class map (CONFIG.md, Counting), in {@link io.truecount.connector.datto.DattoClassMap}:
 *
 * <ul>
 *   <li>{@code deviceClass} {@code esxihost} → server; {@code printer}, {@code rmmnetworkdevice} → network;
 *   <li>{@code deviceClass} {@code device}, by {@code deviceType.category}: {@code Server}, {@code ESXi Host} →
 *       server; {@code Desktop}, {@code Laptop}, {@code Workstation} → workstation; {@code Printer},
 *       {@code Network Device} → network; {@code Mobile}, {@code Tablet}, {@code Smartphone} → mobile;
 *   <li>anything else (including {@code unknown}, or a device without a category) → other.
 * </ul>
 *
 * <p>The connector's {@code asset-classes:} overrides are keyed by the {@code deviceType.category} or the
 * {@code deviceClass} value; an override of the category wins over one of the device class. Deleted or suspended
 * devices are reported as not managed, so they are never billed. {@code lastSeen} and {@code creationDate} are read
 * as ISO date-times or epoch milliseconds.
 */
package io.truecount.connector.datto;
