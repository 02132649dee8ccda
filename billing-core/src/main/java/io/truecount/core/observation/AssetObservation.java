package io.truecount.core.observation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One device as an RMM source reported it in one sync run, already mapped to Truecount's vocabulary.
 *
 * @param connectorId the configured connector that reported it
 * @param organizationId the source's organization / site / customer id (what {@code sources:} maps)
 * @param externalId the device's id in the source
 * @param sourceClass the vendor's own type value the class was derived from (NinjaOne {@code nodeClass}), for humans
 * @param managed approved / managed in the source; unmanaged devices are never billed
 * @param serialNumber null when the source does not know it
 * @param macAddresses as reported; normalised by counting
 * @param created when the source first saw it (null when unknown)
 * @param lastSeen last contact with the agent (null when never)
 */
public record AssetObservation(
        String connectorId,
        String organizationId,
        String externalId,
        String name,
        AssetClass assetClass,
        String sourceClass,
        boolean managed,
        String serialNumber,
        List<String> macAddresses,
        Instant created,
        Instant lastSeen) {

    public AssetObservation {
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(assetClass, "assetClass");
        name = name == null ? externalId : name;
        macAddresses = macAddresses == null ? List.of() : List.copyOf(macAddresses);
    }
}
