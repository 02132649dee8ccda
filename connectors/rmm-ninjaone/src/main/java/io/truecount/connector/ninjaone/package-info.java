/**
 * The NinjaOne RMM connector (Public API 2.0): organizations and detailed devices, read with the OAuth2
 * client-credentials grant and {@code after=<last id>} paging, mapped to billing-core observations by {@link
 * io.truecount.connector.ninjaone.NinjaOneMapper}, the only class that knows NinjaOne's JSON.
 */
package io.truecount.connector.ninjaone;
