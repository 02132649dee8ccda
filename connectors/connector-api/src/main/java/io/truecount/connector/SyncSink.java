package io.truecount.connector;

import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.LicenseCount;
import io.truecount.core.observation.TimeEntry;
import io.truecount.core.observation.UserAccount;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a source connector delivers what it reads, one page at a time, as soon as the page is mapped. The sink stores
 * each page and forgets it, so memory stays flat however large the MSP.
 *
 * <p>Each kind of source calls only the methods for what it reads (an RMM organizations and assets, Microsoft 365
 * licences and users, a PSA time entries). The methods an RMM never calls have empty defaults so that sinks which
 * only ever receive assets (test sinks of one vendor) need not implement them; the application's sink implements all.
 */
public interface SyncSink {

    void organizations(List<ExternalOrganization> page);

    void assets(List<AssetObservation> page);

    /** Licence SKUs of one or more tenants ({@code subscribedSkus}). */
    default void licenses(List<LicenseCount> page) {}

    /**
     * Users of one or more tenants with the SKUs assigned to them. Within a run a user delivered again replaces the
     * earlier delivery (a delta query may report one user several times).
     */
    default void users(List<UserAccount> page) {}

    /**
     * Starts an incremental read of one organization's users: the users the last successful run stored for it are
     * carried into this run, and what {@link #users} and {@link #usersRemoved} then deliver for it changes them. Call
     * it before delivering any user of that organization, and only when resuming from a cursor of that last
     * successful run ({@link #cursors()}); a full read simply delivers every user.
     */
    default void usersCarriedForward(String organizationId) {}

    /** Users an incremental read reports as removed (deleted, or no longer visible) from the organization. */
    default void usersRemoved(String organizationId, List<String> externalIds) {}

    /**
     * Time entries created or changed since the source's last sync (or all of them): PSAs edit entries in place, so
     * an entry delivered again replaces the one stored under its id.
     */
    default void timeEntries(List<TimeEntry> page) {}

    /** Ids of time entries the source deleted; they stop being billed. */
    default void timeEntriesDeleted(List<String> externalIds) {}

    /**
     * Ids of time entries the source still has, unchanged: an id-only sweep for sources that cannot report deletions
     * ({@link #timeEntriesComplete}).
     */
    default void timeEntriesSeen(List<String> externalIds) {}

    /**
     * This run has delivered ({@link #timeEntries}) or seen ({@link #timeEntriesSeen}) every entry the source has
     * that starts at or after {@code from}: any other stored entry of this connector from then on was deleted at the
     * source and stops being billed when the run succeeds. Entries of organizations that failed in this run
     * ({@link #organizationFailed}) are left alone. Use {@link Instant#EPOCH} after a full read.
     */
    default void timeEntriesComplete(Instant from) {}

    /**
     * The cursors (delta links, {@code lastUpdated} watermarks) the connector's last successful run saved, by key; empty
     * on the first run. The data that run read under them is what this run's incremental reads change.
     */
    default Map<String, String> cursors() {
        return Map.of();
    }

    /**
     * Saves a cursor for the next run. It is kept only if this run succeeds, together with the data read under it,
     * and a run keeps only the cursors it saves: a key not saved again (an organization that failed) makes the next
     * run read that part in full.
     */
    default void saveCursor(String key, String value) {}

    /**
     * One organization (tenant, site, company) could not be read although the source as a whole works: only the
     * customers mapped to it fail (CONFIG.md, "Failures are as narrow as their cause"). The sync goes on and may
     * still succeed.
     *
     * @param error one admin-readable line naming the organization and the cause, never a secret
     */
    default void organizationFailed(String organizationId, String error) {}
}
