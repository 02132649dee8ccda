package io.truecount.connector;

import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.LicenseCount;
import io.truecount.core.observation.TimeEntry;
import io.truecount.core.observation.UserAccount;
import java.util.List;

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

    /** Users of one or more tenants with the SKUs assigned to them. */
    default void users(List<UserAccount> page) {}

    /**
     * Time entries created or changed since the source's last sync (or all of them): PSAs edit entries in place, so
     * an entry delivered again replaces the one stored under its id.
     */
    default void timeEntries(List<TimeEntry> page) {}

    /** Ids of time entries the source deleted; they stop being billed. */
    default void timeEntriesDeleted(List<String> externalIds) {}

    /**
     * One organization (tenant, site, company) could not be read although the source as a whole works: only the
     * customers mapped to it fail (CONFIG.md, "Failures are as narrow as their cause"). The sync goes on and may
     * still succeed.
     *
     * @param error one admin-readable line naming the organization and the cause, never a secret
     */
    default void organizationFailed(String organizationId, String error) {}
}
