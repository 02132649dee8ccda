package io.truecount.sim.atera;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.sim.msp.SampleDevice;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Renders customers and agents in the shape of Atera's API v3 (vendor-apis.md §1.3). */
final class AteraJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AteraJson() {}

    static String customer(long id, String name) {
        ObjectNode customer = MAPPER.createObjectNode();
        customer.put("CustomerID", id);
        customer.put("CustomerName", name);
        customer.put("BusinessNumber", "");
        customer.put("Domain", "");
        customer.putNull("Address");
        return write(customer);
    }

    /** @param customerName null when the agent's customer is not part of the data set */
    static String agent(SampleDevice d, String osType, String customerName) {
        ObjectNode agent = MAPPER.createObjectNode();
        agent.put("AgentID", d.id());
        agent.put("DeviceGuid", d.uid());
        agent.put("FolderID", d.locationId());
        agent.put("CustomerID", d.organizationId());
        agent.put("CustomerName", customerName);
        agent.put("AgentName", d.displayName());
        agent.put("SystemName", d.systemName());
        agent.put("MachineName", d.displayName());
        agent.put("DomainName", domainOf(d.dnsName()));
        agent.put("OSType", osType);
        agent.put(
                "OS",
                osType.equals("Server")
                        ? "Windows Server 2022 Standard"
                        : osType.equals("Work Station") ? "Windows 11 Pro" : osType);
        agent.put("Online", !d.offline());
        agent.put("Monitored", true);
        agent.put("LastSeen", iso(d.lastContact()));
        agent.put("Created", iso(d.created()));
        agent.put("Modified", iso(d.lastUpdate()));
        strings(agent.putArray("IpAddresses"), d.ipAddresses());
        // Atera writes MACs with dashes, Windows style; counting normalises them.
        strings(
                agent.putArray("MacAddresses"),
                d.macAddresses().stream()
                        .map(mac -> mac.replace(':', '-').toUpperCase(Locale.ROOT))
                        .toList());
        agent.put("ReportedFromIP", d.publicIp());
        agent.put("Vendor", d.manufacturer());
        agent.put("VendorSerialNumber", d.serialNumber());
        agent.put("VendorBrandModel", d.model());
        return write(agent);
    }

    /** The page envelope of every Atera listing. */
    static String envelope(String items, int page, int itemsInPage, int total, String prevLink, String nextLink) {
        int totalPages = (total + itemsInPage - 1) / itemsInPage;
        return "{\"items\":" + items + ",\"totalItemCount\":" + total + ",\"page\":" + page + ",\"itemsInPage\":"
                + itemsInPage + ",\"totalPages\":" + totalPages + ",\"prevLink\":" + quote(prevLink) + ",\"nextLink\":"
                + quote(nextLink) + "}";
    }

    static long idOf(String json, String field) {
        try {
            var node = MAPPER.readTree(json);
            if (!node.isObject() || !node.path(field).canConvertToLong()) {
                throw new IllegalArgumentException("an Atera record needs a numeric \"" + field + "\": " + json);
            }
            return node.get(field).asLong();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    private static String domainOf(String dnsName) {
        int dot = dnsName == null ? -1 : dnsName.indexOf('.');
        return dot < 0 ? "WORKGROUP" : dnsName.substring(dot + 1);
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String quote(String text) {
        return MAPPER.getNodeFactory().textNode(text).toString();
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + node, e);
        }
    }
}
