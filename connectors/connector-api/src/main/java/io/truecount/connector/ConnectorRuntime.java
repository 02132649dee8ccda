package io.truecount.connector;

import io.truecount.connector.auth.TokenVault;
import java.time.Clock;
import org.apache.camel.CamelContext;

/**
 * What the application gives every connector: the Camel context whose HTTP component carries vendor calls, the clock
 * that decides token expiry and timestamps, and the vault that keeps tokens a vendor rolls (QuickBooks Online's
 * refresh token) across restarts.
 */
public record ConnectorRuntime(CamelContext camel, Clock clock, TokenVault vault) {

    /** A runtime whose rolled tokens live only as long as the process. */
    public ConnectorRuntime(CamelContext camel, Clock clock) {
        this(camel, clock, TokenVault.inMemory());
    }
}
