package io.truecount.sim.quickbooks;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * How a simulator behaves.
 *
 * @param refreshToken the refresh token the company was connected with; rolled by every refresh
 * @param customers the customer Ids that exist in the company
 * @param items the product and service Ids that exist
 * @param tokenRequestLimit K of {@link io.truecount.sim.vendor.Mode#TOKEN_EXPIRY}
 */
record Settings(
        String clientId,
        String clientSecret,
        String realmId,
        String refreshToken,
        String companyName,
        Set<String> customers,
        Set<String> items,
        Duration tokenLifetime,
        int throttleEvery,
        int flakyEvery,
        int tokenRequestLimit,
        Duration slowDelay,
        Clock clock) {}
