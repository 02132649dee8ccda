package io.truecount.connector.ninjaone;

import static io.truecount.connector.json.Fields.firstPresent;
import static io.truecount.connector.json.Fields.required;
import static io.truecount.connector.json.Fields.text;
import static io.truecount.connector.json.Fields.texts;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.connector.paging.MalformedRecordException;
import io.truecount.core.observation.AssetObservation;
import io.truecount.core.observation.ExternalOrganization;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * NinjaOne JSON to billing-core records. Unknown fields are ignored; a record without the fields counting depends on
 * ({@code id}, and for devices {@code organizationId} and {@code nodeClass}) is malformed.
 */
final class NinjaOneMapper {

    private static final String APPROVED = "APPROVED";
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private final String connectorId;
    private final NinjaOneClassMap classes;

    NinjaOneMapper(String connectorId, NinjaOneClassMap classes) {
        this.connectorId = connectorId;
        this.classes = classes;
    }

    ExternalOrganization organization(JsonNode org) {
        String id = required(org, "id", "organization");
        return new ExternalOrganization(connectorId, id, text(org.path("name")));
    }

    AssetObservation device(JsonNode device) {
        String id = required(device, "id", "device");
        String what = "device " + id;
        String nodeClass = required(device, "nodeClass", what);
        JsonNode system = device.path("system");
        return new AssetObservation(
                connectorId,
                required(device, "organizationId", what),
                id,
                firstPresent(device, "displayName", "systemName", "dnsName"),
                classes.classify(nodeClass),
                nodeClass,
                APPROVED.equals(text(device.path("approvalStatus"))),
                firstPresent(system, "serialNumber", "biosSerialNumber"),
                texts(device.path("macAddresses")),
                epochSeconds(device, "created", what),
                epochSeconds(device, "lastContact", what));
    }

    /**
     * NinjaOne sends {@code created} and {@code lastContact} as epoch seconds with a fraction ({@code
     * 1715600000.123}). The JSON number is read as a BigDecimal, so .123 stays 123 ms instead of becoming
     * 122.99999 ms through a double.
     */
    private static Instant epochSeconds(JsonNode record, String field, String what) {
        JsonNode node = record.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new MalformedRecordException(what + " has a '" + field + "' that is not a number: " + node);
        }
        BigDecimal nanos = node.decimalValue().multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.HALF_UP);
        BigDecimal[] secondsAndNanos = nanos.divideAndRemainder(NANOS_PER_SECOND);
        return Instant.ofEpochSecond(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
    }
}
