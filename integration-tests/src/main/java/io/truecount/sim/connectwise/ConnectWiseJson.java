package io.truecount.sim.connectwise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.sim.msp.Domains;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders records in the shape of ConnectWise PSA REST 3.0 (vendor-apis.md §3.1): bare arrays, nested references
 * ({@code company{id,identifier,name}}), {@code _info{lastUpdated}}. {@code fields} is honoured by top-level key, so
 * {@code fields=id,company/id} keeps {@code id} and the whole {@code company} reference.
 */
final class ConnectWiseJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConnectWiseJson() {}

    static String array(List<Object> records, ConnectWiseData data, String fields) {
        Set<String> keep = keys(fields);
        ArrayNode array = MAPPER.createArrayNode();
        for (Object record : records) {
            ObjectNode node;
            if (record instanceof SimEntry e) {
                node = entry(e, data.company(e.companyId()));
            } else if (record instanceof SimTicket t) {
                node = ticket(t, data.company(t.companyId()));
            } else if (record instanceof SimCompany c) {
                node = company(c);
            } else {
                throw new IllegalStateException("cannot render " + record);
            }
            if (keep != null) {
                node.retain(keep);
            }
            array.add(node);
        }
        return write(array);
    }

    static String systemInfo() {
        return "{\"version\":\"v2024.1.98765\",\"isCloud\":true,\"serverTimeZone\":\"Eastern Standard Time\","
                + "\"licenseBits\":[],\"cloudRegion\":\"NA\"}";
    }

    /** ConnectWise's error body: a code and a message. */
    static String error(String code, String message) {
        ObjectNode error = MAPPER.createObjectNode();
        error.put("code", code);
        error.put("message", message);
        return write(error);
    }

    private static ObjectNode company(SimCompany c) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", c.id());
        node.put("identifier", c.identifier());
        node.put("name", c.name());
        node.put("website", "www." + Domains.of(c.name()));
        node.putObject("status").put("id", 1).put("name", "Active");
        node.putObject("_info").put("lastUpdated", "2025-01-15T10:00:00Z");
        return node;
    }

    private static ObjectNode ticket(SimTicket t, SimCompany company) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", t.id());
        node.put("summary", t.summary());
        node.putObject("board").put("id", 1).put("name", "Service Desk");
        node.putObject("status").put("id", 5).put("name", "Closed");
        reference(node.putObject("company"), company, t.companyId());
        node.putObject("priority").put("id", t.priority().hashCode() & 0xff).put("name", t.priority());
        node.putObject("type").put("id", t.type().hashCode() & 0xff).put("name", t.type());
        node.put("closedFlag", true);
        return node;
    }

    private static ObjectNode entry(SimEntry e, SimCompany company) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", e.id());
        reference(node.putObject("company"), company, e.companyId());
        node.put("chargeToId", e.chargeToId());
        node.put("chargeToType", e.chargeToType());
        ObjectNode member = node.putObject("member");
        member.put("id", ConnectWiseData.MEMBERS.indexOf(e.member()) + 1);
        member.put("identifier", e.member());
        node.putObject("workType").put("id", e.workType().hashCode() & 0xff).put("name", e.workType());
        node.put("timeStart", e.timeStart().toString());
        node.put(
                "timeEnd",
                e.timeStart()
                        .plusSeconds(e.actualHours()
                                .multiply(BigDecimal.valueOf(3600))
                                .longValue())
                        .toString());
        node.put("actualHours", e.actualHours());
        node.put("hoursBilled", e.actualHours());
        node.put("billableOption", e.billableOption());
        node.put("notes", "Worked on " + e.chargeToType() + " " + e.chargeToId());
        node.putObject("_info").put("lastUpdated", e.lastUpdated().toString()).put("updatedBy", e.member());
        return node;
    }

    private static void reference(ObjectNode node, SimCompany company, long id) {
        node.put("id", id);
        node.put("identifier", company == null ? "C" + id : company.identifier());
        node.put("name", company == null ? "Company " + id : company.name());
    }

    /** The top-level keys {@code fields} keeps, or null for all. */
    private static Set<String> keys(String fields) {
        if (fields == null || fields.isBlank()) {
            return null;
        }
        Set<String> keys = new HashSet<>();
        for (String field : fields.split(",")) {
            String top = field.strip().split("/", 2)[0];
            if (!top.isEmpty()) {
                keys.add(top);
            }
        }
        return keys;
    }

    private static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + node, e);
        }
    }
}
