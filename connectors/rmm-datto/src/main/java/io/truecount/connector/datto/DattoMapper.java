package io.truecount.connector.datto;

import static io.truecount.connector.json.Fields.firstPresent;
import static io.truecount.connector.json.Fields.required;
import static io.truecount.connector.json.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.paging.MalformedRecordException;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Datto RMM JSON to billing-core records. Unknown fields are ignored; a record without the fields counting depends on
 * ({@code uid}, and for devices {@code deviceClass}) is malformed. A site's uid is the external organization id.
 */
final class DattoMapper {

    private final String connectorId;
    private final DattoClassMap classes;

    DattoMapper(String connectorId, DattoClassMap classes) {
        this.connectorId = connectorId;
        this.classes = classes;
    }

    /** A site; the Autotask company it is linked to (Datto's PSA integration) helps map it to a customer. */
    ExternalOrganization site(JsonNode site) {
        String autotask = text(site.path("autotaskCompanyId"));
        return new ExternalOrganization(
                connectorId,
                required(site, "uid", "site"),
                text(site.path("name")),
                autotask == null || autotask.isBlank()
                        ? Set.of()
                        : Set.of(ExternalOrganization.autotaskCompany(autotask)));
    }

    /**
     * @param siteUid the site whose device listing this record came from: the listing is per site, so that is the
     *     organization even when the record repeats it in {@code siteUid}
     */
    AssetObservation device(String siteUid, JsonNode device) {
        String uid = required(device, "uid", "device");
        String what = "device " + uid;
        String deviceClass = required(device, "deviceClass", what);
        String category = text(device.path("deviceType").path("category"));
        // Deleted and suspended devices stay listed in Datto but are not managed, so they are never billed.
        boolean managed = !device.path("deleted").asBoolean(false)
                && !device.path("suspended").asBoolean(false);
        return new AssetObservation(
                connectorId,
                siteUid,
                uid,
                firstPresent(device, "hostname", "description"),
                classes.classify(deviceClass, category),
                DattoClassMap.DEVICE.equals(deviceClass) && category != null ? category : deviceClass,
                managed,
                serial(device),
                macs(device.path("nics")),
                timestamp(device, "creationDate", what),
                timestamp(device, "lastSeen", what));
    }

    /**
     * The device lists carry no serial; the audit shapes do ({@code bios.serialNumber}, ESXi
     * {@code systemInfo.serviceTag}, printers {@code snmpInfo.snmpSerial}), so any of them present is used.
     */
    private static String serial(JsonNode device) {
        for (JsonNode node : new JsonNode[] {
            device.path("serialNumber"),
            device.path("bios").path("serialNumber"),
            device.path("systemInfo").path("serviceTag"),
            device.path("snmpInfo").path("snmpSerial")
        }) {
            String value = text(node);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** MACs of the {@code nics} the network-interface listing and the audits carry; none on the plain listing. */
    private static List<String> macs(JsonNode nics) {
        List<String> macs = new ArrayList<>();
        for (JsonNode nic : nics) {
            String mac = text(nic.path("macAddress"));
            if (mac != null && !macs.contains(mac)) {
                macs.add(mac);
            }
        }
        return macs;
    }

    /**
     * Datto's spec says ISO date-time, but the API is seen sending epoch milliseconds as numbers (and, through some
     * proxies, as strings of digits). All three are read; a date-time without an offset is UTC, as Datto's platform
     * clock is.
     */
    static Instant timestamp(JsonNode record, String field, String what) {
        JsonNode node = record.path(field);
        if (node.isMissingNode()
                || node.isNull()
                || node.isTextual() && node.asText().isBlank()) {
            return null;
        }
        if (node.isNumber()) {
            return epochMillis(node.decimalValue(), field, what);
        }
        if (!node.isTextual()) {
            throw new MalformedRecordException(what + " has a '" + field + "' that is not a time: " + node);
        }
        String text = node.asText().strip();
        if (text.chars().allMatch(Character::isDigit)) {
            return epochMillis(new BigDecimal(text), field, what);
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new MalformedRecordException(what + " has a '" + field + "' that is not a time: " + node);
            }
        }
    }

    private static Instant epochMillis(BigDecimal millis, String field, String what) {
        try {
            // Whole milliseconds; a fraction would be below what Datto records.
            return Instant.ofEpochMilli(
                    millis.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException e) {
            throw new MalformedRecordException(what + " has a '" + field + "' out of range: " + millis);
        }
    }
}
