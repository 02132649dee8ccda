package io.truecount.core.billing;

import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import io.truecount.core.observation.LicenseCount;
import io.truecount.core.observation.TimeEntry;
import io.truecount.core.observation.UserAccount;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one source connector reported in the sync run a billing run uses, or why it could not.
 *
 * @param error null when the sync succeeded; the admin-readable failure otherwise, and then nothing else counts
 * @param organizationErrors organizations (tenants, sites) the source could not read although the run as a whole
 *     succeeded: organization id to the admin-readable failure. Only the customers mapped to them fail.
 * @param timeEntries every entry the source currently knows (not only this period's): prepaid balances are drawn down
 *     from the contract's start
 */
public record SourceData(
        String connectorId,
        String error,
        List<ExternalOrganization> organizations,
        List<AssetObservation> assets,
        List<LicenseCount> licenses,
        List<UserAccount> users,
        List<TimeEntry> timeEntries,
        Map<String, String> organizationErrors) {

    public SourceData {
        Objects.requireNonNull(connectorId, "connectorId");
        organizations = List.copyOf(organizations);
        assets = List.copyOf(assets);
        licenses = List.copyOf(licenses);
        users = List.copyOf(users);
        timeEntries = List.copyOf(timeEntries);
        organizationErrors = Map.copyOf(organizationErrors);
    }

    /** An RMM source's report. */
    public static SourceData succeeded(
            String connectorId, List<ExternalOrganization> organizations, List<AssetObservation> assets) {
        return new SourceData(connectorId, null, organizations, assets, List.of(), List.of(), List.of(), Map.of());
    }

    public static SourceData failed(String connectorId, String error) {
        return new SourceData(
                connectorId,
                Objects.requireNonNull(error, "error"),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Map.of());
    }

    public boolean succeeded() {
        return error == null;
    }
}
