package io.truecount.sim.datto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.sim.msp.SampleDevice;
import java.time.Instant;

/** Renders tokens, sites, devices and page envelopes in the shape of Datto RMM API v2 (vendor-apis.md §1.2). */
final class DattoJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DattoJson() {}

    static String token(String token, long expiresInSeconds) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("access_token", token);
        body.put("token_type", "bearer");
        body.put("expires_in", expiresInSeconds);
        body.put("scope", "default");
        body.put("jti", token.substring(0, 8));
        return write(body);
    }

    static String site(long id, String uid, String name) {
        ObjectNode site = MAPPER.createObjectNode();
        site.put("id", id);
        site.put("uid", uid);
        site.put("accountUid", "sim-account");
        site.put("name", name);
        site.put("onDemand", false);
        site.putNull("autotaskCompanyId");
        site.putNull("autotaskCompanyName");
        site.put("portalUrl", "https://merlot.centrastage.net/site/" + id);
        return write(site);
    }

    /**
     * A device as {@code /v2/site/{siteUid}/devices} lists it: no serial and no MACs, which only the audit endpoints
     * carry. {@code lastSeen} alternates between an ISO date-time (even ids) and epoch milliseconds (odd ids), the
     * two shapes clients meet in practice.
     */
    static String device(
            SampleDevice d, long siteId, String siteUid, String deviceClass, String category, State state) {
        ObjectNode device = MAPPER.createObjectNode();
        device.put("id", d.id());
        device.put("uid", d.uid());
        device.put("siteId", siteId);
        device.put("siteUid", siteUid);
        ObjectNode type = device.putObject("deviceType");
        type.put("category", category);
        type.put("type", category == null ? null : "Main System Chassis");
        device.put("hostname", d.displayName());
        device.put("description", d.model());
        device.put(
                "intIpAddress",
                d.ipAddresses().isEmpty() ? null : d.ipAddresses().get(0));
        device.put("extIpAddress", d.publicIp());
        device.put("online", !d.offline());
        device.put("suspended", state == State.SUSPENDED);
        device.put("deleted", state == State.DELETED);
        if (d.lastContact() == null) {
            device.putNull("lastSeen");
        } else if (d.id() % 2 == 0) {
            device.put("lastSeen", d.lastContact().toString());
        } else {
            device.put("lastSeen", d.lastContact().toEpochMilli());
        }
        device.put("creationDate", iso(d.created()));
        device.put("deviceClass", deviceClass);
        device.put("snmpEnabled", !"device".equals(deviceClass));
        device.putObject("udf").put("udf1", "SIM-" + d.id());
        device.putObject("patchManagement").put("patchStatus", "FullyPatched");
        return write(device);
    }

    /** The page envelope of every Datto listing: {@code pageDetails} and the records under {@code field}. */
    static String page(
            String field, String records, int count, int totalCount, String prevPageUrl, String nextPageUrl) {
        ObjectNode details = MAPPER.createObjectNode();
        details.put("count", count);
        details.put("totalCount", totalCount);
        details.put("prevPageUrl", prevPageUrl);
        details.put("nextPageUrl", nextPageUrl);
        return "{\"pageDetails\":" + write(details) + ",\"" + field + "\":" + records + "}";
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + node, e);
        }
    }

    /** Whether Datto still manages a device. */
    enum State {
        LIVE,
        DELETED,
        SUSPENDED
    }
}
