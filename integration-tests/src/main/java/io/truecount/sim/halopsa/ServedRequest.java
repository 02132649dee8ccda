package io.truecount.sim.halopsa;

import java.time.Instant;

/**
 * One request the simulator answered.
 *
 * @param at when it arrived, on the simulator's clock (before any {@link io.truecount.sim.vendor.Mode#SLOW} delay)
 * @param query the raw query string, empty when none
 * @param ticketId the {@code ticket_id} an {@link Endpoint#ACTIONS} request filtered on; null for none
 */
public record ServedRequest(Endpoint endpoint, Instant at, int status, String query, Long ticketId) {}
