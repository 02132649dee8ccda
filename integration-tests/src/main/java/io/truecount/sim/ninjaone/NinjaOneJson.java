package io.truecount.sim.ninjaone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.sim.msp.SampleDevice;
import io.truecount.sim.msp.SampleOrganization;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Renders organizations and devices exactly in the shape of NinjaOne's API (vendor-apis.md §1.1). */
final class NinjaOneJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NinjaOneJson() {}

    static String organization(long id, String name, String description, String nodeApprovalMode) {
        ObjectNode org = MAPPER.createObjectNode();
        org.put("id", id);
        org.put("name", name);
        org.put("description", description);
        org.put("nodeApprovalMode", nodeApprovalMode);
        org.putObject("userData");
        return write(org);
    }

    static String organization(SampleOrganization org) {
        return organization(org.id(), org.name(), org.description(), org.nodeApprovalMode());
    }

    /**
     * @param organizationName null when the device's organization is not part of the data set
     * @param locationName null when unknown; the location reference is then left out
     */
    static String device(SampleDevice d, String organizationName, String locationName) {
        ObjectNode device = MAPPER.createObjectNode();
        device.put("id", d.id());
        device.put("uid", d.uid());
        device.put("organizationId", d.organizationId());
        device.put("locationId", d.locationId());
        device.put("nodeClass", d.nodeClass());
        device.put("approvalStatus", d.approvalStatus());
        device.put("offline", d.offline());
        device.put("displayName", d.displayName());
        device.put("systemName", d.systemName());
        device.put("dnsName", d.dnsName());
        device.put("created", epochSeconds(d.created()));
        device.put("lastContact", epochSeconds(d.lastContact()));
        device.put("lastUpdate", epochSeconds(d.lastUpdate()));
        strings(device.putArray("tags"), d.tags());
        ObjectNode references = device.putObject("references");
        if (organizationName != null) {
            references.putObject("organization").put("id", d.organizationId()).put("name", organizationName);
        }
        if (locationName != null) {
            references.putObject("location").put("id", d.locationId()).put("name", locationName);
        }
        strings(device.putArray("ipAddresses"), d.ipAddresses());
        strings(device.putArray("macAddresses"), d.macAddresses());
        device.put("publicIP", d.publicIp());
        ObjectNode system = device.putObject("system");
        system.put("serialNumber", d.serialNumber());
        system.put("biosSerialNumber", d.biosSerialNumber());
        system.put("manufacturer", d.manufacturer());
        system.put("model", d.model());
        return write(device);
    }

    /** The standard OAuth2 token response NinjaOne's token endpoint gives. */
    static String token(String accessToken, long expiresInSeconds, String scope) {
        ObjectNode token = MAPPER.createObjectNode();
        token.put("access_token", accessToken);
        token.put("token_type", "Bearer");
        token.put("expires_in", expiresInSeconds);
        token.put("scope", scope);
        return write(token);
    }

    /** NinjaOne sends epoch seconds as a double with a fraction ({@code 1715600000.123}, {@code 1707395125.0}). */
    static BigDecimal epochSeconds(Instant instant) {
        BigDecimal seconds = BigDecimal.valueOf(instant.toEpochMilli(), 3).stripTrailingZeros();
        return seconds.scale() < 1 ? seconds.setScale(1) : seconds;
    }

    static long idOf(String json) {
        try {
            var node = MAPPER.readTree(json);
            if (!node.isObject() || !node.path("id").canConvertToLong()) {
                throw new IllegalArgumentException("a NinjaOne record needs a numeric \"id\": " + json);
            }
            return node.get("id").asLong();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
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
