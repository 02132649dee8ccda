package io.truecount.connector;

import java.time.Clock;
import org.apache.camel.CamelContext;

/**
 * What the application gives every connector: the Camel context whose HTTP component carries vendor calls, and the
 * clock that decides token expiry and timestamps.
 */
public record ConnectorRuntime(CamelContext camel, Clock clock) {}
