package io.truecount.sim.msp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One device as NinjaOne's {@code /v2/devices-detailed} describes it: the fields of vendor-apis.md §1.1 plus
 * {@code system} hardware identity. A device without a serial has an empty {@code serialNumber}.
 */
public record SampleDevice(
        long id,
        String uid,
        long organizationId,
        long locationId,
        String nodeClass,
        String approvalStatus,
        boolean offline,
        String displayName,
        String systemName,
        String dnsName,
        Instant created,
        Instant lastContact,
        Instant lastUpdate,
        List<String> tags,
        List<String> ipAddresses,
        List<String> macAddresses,
        String publicIp,
        String serialNumber,
        String biosSerialNumber,
        String manufacturer,
        String model) {

    public SampleDevice {
        Objects.requireNonNull(nodeClass, "nodeClass");
        Objects.requireNonNull(approvalStatus, "approvalStatus");
        tags = List.copyOf(tags);
        ipAddresses = List.copyOf(ipAddresses);
        macAddresses = List.copyOf(macAddresses);
    }

    SampleDevice withId(long newId) {
        return new SampleDevice(
                newId,
                uid,
                organizationId,
                locationId,
                nodeClass,
                approvalStatus,
                offline,
                displayName,
                systemName,
                dnsName,
                created,
                lastContact,
                lastUpdate,
                tags,
                ipAddresses,
                macAddresses,
                publicIp,
                serialNumber,
                biosSerialNumber,
                manufacturer,
                model);
    }

    SampleDevice withContact(Instant newCreated, Instant newLastContact, Instant newLastUpdate, boolean isOffline) {
        return new SampleDevice(
                id,
                uid,
                organizationId,
                locationId,
                nodeClass,
                approvalStatus,
                isOffline,
                displayName,
                systemName,
                dnsName,
                newCreated,
                newLastContact,
                newLastUpdate,
                tags,
                ipAddresses,
                macAddresses,
                publicIp,
                serialNumber,
                biosSerialNumber,
                manufacturer,
                model);
    }

    SampleDevice asNewAgent(String newUid, Instant newCreated, Instant newLastContact, Instant newLastUpdate) {
        return new SampleDevice(
                id,
                newUid,
                organizationId,
                locationId,
                nodeClass,
                approvalStatus,
                false,
                displayName,
                systemName,
                dnsName,
                newCreated,
                newLastContact,
                newLastUpdate,
                tags,
                ipAddresses,
                macAddresses,
                publicIp,
                serialNumber,
                biosSerialNumber,
                manufacturer,
                model);
    }

    /**
     * A hand-made device for small test fixtures: an approved, online Windows workstation seen just now, with a serial
     * and a MAC derived from its id, until the builder says otherwise.
     */
    public static Builder builder(long id, long organizationId) {
        return new Builder(id, organizationId);
    }

    /** Builds a {@link SampleDevice} for a hand-written fixture. */
    public static final class Builder {
        private final long id;
        private final long organizationId;
        private long locationId;
        private String nodeClass = "WINDOWS_WORKSTATION";
        private String approvalStatus = "APPROVED";
        private String name;
        private Instant created;
        private Instant lastContact = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        private List<String> macAddresses;
        private String serialNumber;
        private String manufacturer = "Dell Inc.";
        private String model = "OptiPlex 7010";

        private Builder(long id, long organizationId) {
            this.id = id;
            this.organizationId = organizationId;
            this.locationId = organizationId;
            this.name = "DEVICE-" + id;
            this.serialNumber = "SN" + id;
            this.macAddresses = List.of(String.format(
                    Locale.ROOT, "02:00:00:%02X:%02X:%02X", (id >> 16) & 0xFF, (id >> 8) & 0xFF, id & 0xFF));
        }

        public Builder nodeClass(String value) {
            this.nodeClass = value;
            return this;
        }

        public Builder approvalStatus(String value) {
            this.approvalStatus = value;
            return this;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder locationId(long value) {
            this.locationId = value;
            return this;
        }

        public Builder created(Instant value) {
            this.created = value;
            return this;
        }

        public Builder lastContact(Instant value) {
            this.lastContact = value;
            return this;
        }

        /** The serial as both {@code system.serialNumber} and {@code system.biosSerialNumber}; "" for none. */
        public Builder serialNumber(String value) {
            this.serialNumber = value;
            return this;
        }

        public Builder macAddresses(String... values) {
            this.macAddresses = List.of(values);
            return this;
        }

        public Builder hardware(String newManufacturer, String newModel) {
            this.manufacturer = newManufacturer;
            this.model = newModel;
            return this;
        }

        public SampleDevice build() {
            Instant firstSeen = created != null ? created : lastContact.minus(Duration.ofDays(90));
            String uid = UUID.nameUUIDFromBytes(("ninja-device-" + id).getBytes(StandardCharsets.UTF_8))
                    .toString();
            return new SampleDevice(
                    id,
                    uid,
                    organizationId,
                    locationId,
                    nodeClass,
                    approvalStatus,
                    false,
                    name,
                    name,
                    name.toLowerCase(Locale.ROOT) + ".local",
                    firstSeen,
                    lastContact,
                    lastContact,
                    List.of(),
                    List.of("10.0.0." + (id % 250 + 2)),
                    macAddresses,
                    "203.0.113.10",
                    serialNumber,
                    serialNumber,
                    manufacturer,
                    model);
        }
    }
}
