package io.truecount.sim.xero;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How a simulator behaves.
 *
 * @param tenantId the organisation's id, expected in {@code xero-tenant-id}
 * @param perMinute calls allowed per rate window in {@link io.truecount.sim.vendor.Mode#THROTTLE} (Xero: 60)
 * @param rateWindow the window of {@code perMinute} (Xero: a minute; tests shorten it)
 * @param taxRates tax type code to percent rate, as in the organisation's tax rates
 * @param accountCodes the revenue accounts lines may post to
 */
record Settings(
        String clientId,
        String clientSecret,
        String tenantId,
        Duration tokenLifetime,
        int flakyEvery,
        int tokenRequestLimit,
        Duration slowDelay,
        Clock clock,
        int perMinute,
        Duration rateWindow,
        Map<String, BigDecimal> taxRates,
        Set<String> accountCodes,
        Conformance conformance) {}
