package io.truecount.core.observation;

import java.util.Objects;
import java.util.Set;

/**
 * One user of a Microsoft 365 tenant with the licences assigned to them, as SKU part numbers (the connector resolves
 * Graph's {@code assignedLicenses} skuIds through the tenant's {@code subscribedSkus}).
 *
 * @param organizationId the tenant id
 * @param enabled {@code accountEnabled}; disabled users never count
 */
public record UserAccount(
        String connectorId,
        String organizationId,
        String externalId,
        String userPrincipalName,
        boolean enabled,
        Set<String> skuPartNumbers) {

    public UserAccount {
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(externalId, "externalId");
        userPrincipalName = userPrincipalName == null ? externalId : userPrincipalName;
        skuPartNumbers = skuPartNumbers == null ? Set.of() : Set.copyOf(skuPartNumbers);
    }
}
