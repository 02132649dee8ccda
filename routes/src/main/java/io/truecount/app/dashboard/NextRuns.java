package io.truecount.app.dashboard;

import java.time.Instant;
import java.util.Optional;

/**
 * When a connector's scheduled sync fires next. The scheduler implements it; without one (a command, or a server
 * whose scheduling is off) the dashboard shows no next run.
 */
public interface NextRuns {

    Optional<Instant> nextSync(String connectorId);
}
