package io.truecount.core.observation;

import java.util.Objects;

/**
 * One licence SKU of one Microsoft 365 tenant as the source reported it ({@code subscribedSkus}).
 *
 * @param organizationId the tenant id (what {@code sources:} maps)
 * @param skuPartNumber the SKU's readable name ({@code SPE_E3}); contract lines name SKUs by it
 * @param capabilityStatus {@code Enabled}, {@code Warning}, {@code Suspended}, {@code LockedOut} or {@code Deleted};
 *     a {@code Deleted} SKU never counts
 * @param assigned {@code consumedUnits}: licences assigned to users
 * @param purchased {@code prepaidUnits.enabled}: licences bought and active
 */
public record LicenseCount(
        String connectorId,
        String organizationId,
        String skuId,
        String skuPartNumber,
        String capabilityStatus,
        long assigned,
        long purchased) {

    public static final String DELETED = "Deleted";

    public LicenseCount {
        Objects.requireNonNull(connectorId, "connectorId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(skuPartNumber, "skuPartNumber");
        skuId = skuId == null ? skuPartNumber : skuId;
        capabilityStatus = capabilityStatus == null ? "Enabled" : capabilityStatus;
    }

    /** Whether the SKU counts at all: Microsoft keeps deleted subscriptions listed with their last numbers. */
    public boolean isLive() {
        return !DELETED.equalsIgnoreCase(capabilityStatus);
    }
}
