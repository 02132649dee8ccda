package io.truecount.sim.datto;

import io.truecount.sim.datto.DattoJson.State;
import io.truecount.sim.msp.SampleDevice;
import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.msp.SampleOrganization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The sites and devices a {@link DattoSimulator} serves, rendered once as Datto JSON. Built from a {@link SampleMsp},
 * or by hand for a small fixture:
 *
 * <pre>{@code
 * DattoData.builder()
 *         .site("site-acme", "Acme Dental")
 *         .device("site-acme", SampleDevice.builder(1001, 1).build(), "device", "Laptop")
 *         .build();
 * }</pre>
 */
public final class DattoData {

    private static final Set<String> SERVERS = Set.of(
            "WINDOWS_SERVER", "LINUX_SERVER", "MAC_SERVER", "HYPERV_VMM_HOST", "HYPERV_VMM_GUEST", "VMWARE_VM_GUEST");

    /** Datto's two type fields for a device: {@code deviceClass} and {@code deviceType.category} (may be null). */
    public record Kind(String deviceClass, String category) {}

    private final List<String> sites;
    private final Map<String, List<String>> devicesBySite;

    private DattoData(List<String> sites, Map<String, List<String>> devicesBySite) {
        this.sites = List.copyOf(sites);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        devicesBySite.forEach((site, rows) -> copy.put(site, List.copyOf(rows)));
        this.devicesBySite = copy;
    }

    /**
     * The MSP's estate as if it ran Datto RMM: each organization a site (uid {@link #siteUid(long)}), each device the
     * kind {@link #kindOf(String)} gives. Datto has no approval queue: approved devices are live, rejected ones are
     * listed as deleted, pending ones are not there.
     */
    public static DattoData from(SampleMsp msp) {
        Builder builder = builder();
        for (SampleOrganization org : msp.organizations()) {
            String uid = siteUid(org.id());
            builder.site(uid, org.name());
            for (SampleDevice device : org.devices()) {
                Kind kind = kindOf(device.nodeClass());
                switch (device.approvalStatus()) {
                    case "APPROVED" -> builder.device(uid, device, kind.deviceClass(), kind.category());
                    case "REJECTED" -> builder.device(uid, device, kind.deviceClass(), kind.category(), State.DELETED);
                    default -> {
                        // pending approval: Datto would not list it
                    }
                }
            }
        }
        return builder.build();
    }

    /** The site uid the simulator gives a sample organization: a stable UUID, as Datto's uids are. */
    public static String siteUid(long organizationId) {
        return UUID.nameUUIDFromBytes(("datto-site-" + organizationId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** How Datto types a device of this NinjaOne {@code nodeClass}. */
    public static Kind kindOf(String nodeClass) {
        if (SERVERS.contains(nodeClass)) {
            return new Kind("device", "Server");
        }
        if (nodeClass.equals("VMWARE_VM_HOST")) {
            return new Kind("esxihost", "ESXi Host");
        }
        if (nodeClass.equals("NMS_PRINTER")) {
            return new Kind("printer", "Printer");
        }
        if (nodeClass.startsWith("NMS_")) {
            return new Kind("rmmnetworkdevice", "Network Device");
        }
        return switch (nodeClass) {
            case "WINDOWS_WORKSTATION", "LINUX_WORKSTATION" -> new Kind("device", "Desktop");
            case "MAC" -> new Kind("device", "Laptop");
            case "ANDROID", "APPLE_IOS", "APPLE_IPADOS" -> new Kind("device", "Mobile");
            default -> new Kind("unknown", null);
        };
    }

    public static Builder builder() {
        return new Builder();
    }

    public int siteCount() {
        return sites.size();
    }

    public int deviceCount() {
        return devicesBySite.values().stream().mapToInt(List::size).sum();
    }

    List<String> sites() {
        return sites;
    }

    /** A site's devices, or null when there is no such site. */
    List<String> devices(String siteUid) {
        return devicesBySite.get(siteUid);
    }

    /** Collects sites and devices in the order given; site uids must be unique. */
    public static final class Builder {
        private final List<String> sites = new ArrayList<>();
        private final Map<String, Long> siteIds = new LinkedHashMap<>();
        private final Map<String, List<String>> devices = new LinkedHashMap<>();

        private Builder() {}

        public Builder site(String uid, String name) {
            if (siteIds.containsKey(uid)) {
                throw new IllegalArgumentException("duplicate site uid " + uid);
            }
            long id = 100L + siteIds.size() + 1;
            siteIds.put(uid, id);
            sites.add(DattoJson.site(id, uid, name));
            devices.put(uid, new ArrayList<>());
            return this;
        }

        /** A live device of the site. */
        public Builder device(String siteUid, SampleDevice device, String deviceClass, String category) {
            return device(siteUid, device, deviceClass, category, State.LIVE);
        }

        /** A device Datto still lists but no longer manages. */
        public Builder deletedDevice(String siteUid, SampleDevice device, String deviceClass, String category) {
            return device(siteUid, device, deviceClass, category, State.DELETED);
        }

        public Builder suspendedDevice(String siteUid, SampleDevice device, String deviceClass, String category) {
            return device(siteUid, device, deviceClass, category, State.SUSPENDED);
        }

        /** A device exactly as given, for payload quirks. */
        public Builder deviceJson(String siteUid, String json) {
            rowsOf(siteUid).add(json);
            return this;
        }

        private Builder device(String siteUid, SampleDevice d, String deviceClass, String category, State state) {
            rowsOf(siteUid).add(DattoJson.device(d, siteIds.get(siteUid), siteUid, deviceClass, category, state));
            return this;
        }

        private List<String> rowsOf(String siteUid) {
            List<String> rows = devices.get(siteUid);
            if (rows == null) {
                throw new IllegalArgumentException("no site " + siteUid + "; add the site first");
            }
            return rows;
        }

        public DattoData build() {
            return new DattoData(sites, devices);
        }
    }
}
