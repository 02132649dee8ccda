package io.truecount.core.billing;

import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import java.util.List;
import java.util.Objects;

/**
 * What one source connector reported in the sync run a billing run uses, or why it could not.
 *
 * @param error null when the sync succeeded; the admin-readable failure otherwise, and then nothing else counts
 */
public record SourceData(
        String connectorId, String error, List<ExternalOrganization> organizations, List<AssetObservation> assets) {

    public SourceData {
        Objects.requireNonNull(connectorId, "connectorId");
        organizations = List.copyOf(organizations);
        assets = List.copyOf(assets);
    }

    public static SourceData succeeded(
            String connectorId, List<ExternalOrganization> organizations, List<AssetObservation> assets) {
        return new SourceData(connectorId, null, organizations, assets);
    }

    public static SourceData failed(String connectorId, String error) {
        return new SourceData(connectorId, Objects.requireNonNull(error, "error"), List.of(), List.of());
    }

    public boolean succeeded() {
        return error == null;
    }
}
