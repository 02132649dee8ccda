package io.truecount.sim.ninjaone;

import io.truecount.sim.msp.SampleDevice;
import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.msp.SampleOrganization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The organizations and devices a {@link NinjaOneSimulator} serves, rendered once as NinjaOne JSON. Built from a
 * {@link SampleMsp}, or by hand for a small fixture:
 *
 * <pre>{@code
 * NinjaOneData.builder()
 *         .organization(12, "Acme Dental")
 *         .device(SampleDevice.builder(1042, 12).nodeClass("WINDOWS_SERVER").serialNumber("7HX2KQ3").build())
 *         .build();
 * }</pre>
 */
public final class NinjaOneData {

    private final JsonRows organizations;
    private final JsonRows devices;

    private NinjaOneData(SortedMap<Long, String> organizations, SortedMap<Long, String> devices) {
        this.organizations = new JsonRows(organizations);
        this.devices = new JsonRows(devices);
    }

    public static NinjaOneData from(SampleMsp msp) {
        Builder builder = builder();
        for (SampleOrganization org : msp.organizations()) {
            builder.organization(org);
        }
        for (SampleOrganization org : msp.organizations()) {
            for (SampleDevice device : org.devices()) {
                builder.device(device, org.locationName(device.locationId()));
            }
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int organizationCount() {
        return organizations.size();
    }

    public int deviceCount() {
        return devices.size();
    }

    JsonRows rows(Endpoint endpoint) {
        return switch (endpoint) {
            case ORGANIZATIONS -> organizations;
            case DEVICES -> devices;
            case TOKEN -> throw new IllegalArgumentException("the token endpoint serves no records");
        };
    }

    /** Collects records; ids must be unique per endpoint. */
    public static final class Builder {
        private record PendingDevice(SampleDevice device, String locationName) {}

        private final SortedMap<Long, String> organizations = new TreeMap<>();
        private final Map<Long, String> organizationNames = new HashMap<>();
        private final List<PendingDevice> devices = new ArrayList<>();
        private final SortedMap<Long, String> rawDevices = new TreeMap<>();

        private Builder() {}

        public Builder organization(long id, String name) {
            return organization(id, name, NinjaOneJson.organization(id, name, "", "AUTOMATIC"));
        }

        public Builder organization(SampleOrganization org) {
            return organization(org.id(), org.name(), NinjaOneJson.organization(org));
        }

        /** An organization exactly as given, for payload quirks; it needs a numeric {@code id}. */
        public Builder organizationJson(String json) {
            return organization(NinjaOneJson.idOf(json), null, json);
        }

        public Builder device(SampleDevice device) {
            return device(device, null);
        }

        public Builder device(SampleDevice device, String locationName) {
            devices.add(new PendingDevice(device, locationName));
            return this;
        }

        /** A device exactly as given, for payload quirks (missing fields, odd values); it needs a numeric {@code id}. */
        public Builder deviceJson(String json) {
            putUnique(rawDevices, NinjaOneJson.idOf(json), json, "device");
            return this;
        }

        public NinjaOneData build() {
            SortedMap<Long, String> rendered = new TreeMap<>(rawDevices);
            for (PendingDevice pending : devices) {
                SampleDevice d = pending.device();
                String json = NinjaOneJson.device(d, organizationNames.get(d.organizationId()), pending.locationName());
                putUnique(rendered, d.id(), json, "device");
            }
            return new NinjaOneData(organizations, rendered);
        }

        private Builder organization(long id, String name, String json) {
            putUnique(organizations, id, json, "organization");
            if (name != null) {
                organizationNames.put(id, name);
            }
            return this;
        }

        private static void putUnique(Map<Long, String> rows, long id, String json, String kind) {
            if (rows.putIfAbsent(id, json) != null) {
                throw new IllegalArgumentException("duplicate " + kind + " id " + id);
            }
        }
    }
}
