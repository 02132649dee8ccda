package io.truecount.sim.connectwise;

import java.time.Clock;
import java.time.Duration;

/**
 * How a simulator behaves.
 *
 * @param company the company id of the MSP's login, the first part of the Basic user name
 * @param clientId the only {@code clientId} header accepted
 * @param authBlipEvery K of {@link io.truecount.sim.vendor.Mode#TOKEN_EXPIRY}
 * @param clock stamps requests and the {@code lastUpdated} of mutations
 */
record Settings(
        String company,
        String publicKey,
        String privateKey,
        String clientId,
        int throttleEvery,
        int flakyEvery,
        int authBlipEvery,
        Duration slowDelay,
        Clock clock) {}
