package io.truecount.sim.atera;

import io.truecount.sim.msp.SampleDevice;
import io.truecount.sim.msp.SampleMsp;
import io.truecount.sim.msp.SampleOrganization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The customers and agents an {@link AteraSimulator} serves, rendered once as Atera JSON in id order. Built from a
 * {@link SampleMsp}, or by hand for a small fixture:
 *
 * <pre>{@code
 * AteraData.builder()
 *         .customer(3001, "Acme Dental")
 *         .agent(SampleDevice.builder(1001, 3001).serialNumber("7HX2KQ3").build(), "Work Station")
 *         .build();
 * }</pre>
 */
public final class AteraData {

    private static final Set<String> SERVERS =
            Set.of("WINDOWS_SERVER", "HYPERV_VMM_HOST", "HYPERV_VMM_GUEST", "VMWARE_VM_HOST", "VMWARE_VM_GUEST");

    private final List<String> customers;
    private final List<String> agents;

    private AteraData(SortedMap<Long, String> customers, SortedMap<Long, String> agents) {
        this.customers = List.copyOf(customers.values());
        this.agents = List.copyOf(agents.values());
    }

    /**
     * The MSP's NinjaOne estate as if it ran Atera: each organization a customer with the same id, each approved
     * device that runs an agent an agent with the same id. Network devices and phones have no Atera agent, and Atera
     * has no approval step, so devices NinjaOne holds as pending or rejected are not there.
     */
    public static AteraData from(SampleMsp msp) {
        Builder builder = builder();
        for (SampleOrganization org : msp.organizations()) {
            builder.customer(org.id(), org.name());
        }
        for (SampleDevice device : msp.devices()) {
            String osType = osTypeOf(device.nodeClass());
            if (osType != null && "APPROVED".equals(device.approvalStatus())) {
                builder.agent(device, osType);
            }
        }
        return builder.build();
    }

    /**
     * The {@code OSType} an Atera agent on a device of this NinjaOne {@code nodeClass} reports, or null when no agent
     * runs there: Windows servers and hypervisors {@code Server}, Windows workstations {@code Work Station}, Macs
     * {@code Mac}, Linux machines {@code Linux}.
     */
    public static String osTypeOf(String nodeClass) {
        if (SERVERS.contains(nodeClass)) {
            return "Server";
        }
        return switch (nodeClass) {
            case "WINDOWS_WORKSTATION" -> "Work Station";
            case "MAC", "MAC_SERVER" -> "Mac";
            case "LINUX_WORKSTATION", "LINUX_SERVER" -> "Linux";
            default -> null;
        };
    }

    public static Builder builder() {
        return new Builder();
    }

    public int customerCount() {
        return customers.size();
    }

    public int agentCount() {
        return agents.size();
    }

    List<String> rows(Endpoint endpoint) {
        return endpoint == Endpoint.CUSTOMERS ? customers : agents;
    }

    /** Collects records; ids must be unique per endpoint. */
    public static final class Builder {
        private record PendingAgent(SampleDevice device, String osType) {}

        private final SortedMap<Long, String> customers = new TreeMap<>();
        private final Map<Long, String> customerNames = new HashMap<>();
        private final List<PendingAgent> agents = new ArrayList<>();
        private final SortedMap<Long, String> rawAgents = new TreeMap<>();

        private Builder() {}

        public Builder customer(long id, String name) {
            putUnique(customers, id, AteraJson.customer(id, name), "customer");
            customerNames.put(id, name);
            return this;
        }

        /** An agent on the device, in the device's organization as its customer, reporting this {@code OSType}. */
        public Builder agent(SampleDevice device, String osType) {
            agents.add(new PendingAgent(device, osType));
            return this;
        }

        /** An agent exactly as given, for payload quirks; it needs a numeric {@code AgentID}. */
        public Builder agentJson(String json) {
            putUnique(rawAgents, AteraJson.idOf(json, "AgentID"), json, "agent");
            return this;
        }

        public AteraData build() {
            SortedMap<Long, String> rendered = new TreeMap<>(rawAgents);
            for (PendingAgent pending : agents) {
                SampleDevice d = pending.device();
                String json = AteraJson.agent(d, pending.osType(), customerNames.get(d.organizationId()));
                putUnique(rendered, d.id(), json, "agent");
            }
            return new AteraData(customers, rendered);
        }

        private static void putUnique(Map<Long, String> rows, long id, String json, String kind) {
            if (rows.putIfAbsent(id, json) != null) {
                throw new IllegalArgumentException("duplicate " + kind + " id " + id);
            }
        }
    }
}
