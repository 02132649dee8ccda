package io.truecount.sim.msp;

import java.util.List;

/**
 * A NinjaOne organization with its devices.
 *
 * @param nodeApprovalMode {@code AUTOMATIC} or {@code MANUAL}; only manual organizations hold PENDING devices
 * @param customerId the customer it belongs to, or null for an organization no customer maps to
 * @param devices in id order
 */
public record SampleOrganization(
        long id,
        String name,
        String description,
        String nodeApprovalMode,
        List<SampleLocation> locations,
        String customerId,
        List<SampleDevice> devices) {

    public SampleOrganization {
        locations = List.copyOf(locations);
        devices = List.copyOf(devices);
    }

    public boolean mapped() {
        return customerId != null;
    }

    public String locationName(long locationId) {
        return locations.stream()
                .filter(l -> l.id() == locationId)
                .map(SampleLocation::name)
                .findFirst()
                .orElse(null);
    }
}
