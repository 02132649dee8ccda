package io.truecount.sim.connectwise;

import java.time.Instant;

/**
 * One request the simulator answered.
 *
 * @param at when it arrived, on the simulator's clock (before any {@link io.truecount.sim.vendor.Mode#SLOW} delay)
 * @param conditions the decoded {@code conditions} parameter, or null when absent
 * @param fields the decoded {@code fields} parameter, or null when absent
 * @param records how many records the answer held (0 for a failure)
 */
public record ServedRequest(Endpoint endpoint, Instant at, int status, String conditions, String fields, int records) {

    /** A read of whole time entries (not the id-only sweep). */
    public boolean readsEntryBodies() {
        return endpoint == Endpoint.TIME_ENTRIES && !"id".equals(fields);
    }
}
